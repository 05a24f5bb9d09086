package cn.majordecision;

import cn.majordecision.audit.offline.BundleVerifier;
import cn.majordecision.shared.ApplicationClock;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Entry point of the major administrative decision workflow engine. */
@SpringBootApplication
public class DecisionApplication {

    /** Runs the application; {@code verify <file.zip>} checks an audit bundle or dossier offline instead. */
    public static void main(String[] args) {
        if (args.length > 0 && "verify".equals(args[0])) {
            System.exit(BundleVerifier.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(DecisionApplication.class, args);
    }

    /** Instants are stored in UTC; people see Asia/Shanghai. The one clock every module reads (see {@link ApplicationClock}). */
    @Bean
    Clock clock(@Value("${" + ApplicationClock.SHIFT_TO + ":}") String shiftTo,
            @Value("${" + ApplicationClock.SHIFT_AT + ":}") String shiftAt) {
        return ApplicationClock.of(shiftTo, shiftAt);
    }
}
