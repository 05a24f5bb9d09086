package cn.majordecision;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Entry point of the major administrative decision workflow engine. */
@SpringBootApplication
public class DecisionApplication {

    public static void main(String[] args) {
        SpringApplication.run(DecisionApplication.class, args);
    }

    /** Instants are stored in UTC; people see Asia/Shanghai. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
