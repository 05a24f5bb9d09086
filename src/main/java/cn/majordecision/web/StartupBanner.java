package cn.majordecision.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Once the application is ready (demo data loaded, readiness accepting traffic), tells the person who started it
 * where to go: the public portal, the sign-in page and the two guides, at the port the server really listens on.
 */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @EventListener
    void on(ApplicationReadyEvent event) {
        String text = text(event.getApplicationContext().getEnvironment());
        if (text != null) {
            log.info(text);
        }
    }

    /** The block to log; null when no web server listens (MockMvc tests). */
    static String text(Environment env) {
        String port = env.getProperty("local.server.port");
        if (port == null) {
            return null;
        }
        String scheme = env.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
        String base = scheme + "://localhost:" + port + env.getProperty("server.servlet.context-path", "");
        // the guides are built by `mvn package`; started from compiled classes alone, they are not there
        String guides = new ClassPathResource("static/docs/index.html").exists() ? ""
                : "   （两份指南由 mvn -B package 生成，本次运行中还没有 / the guides are built by mvn -B package）\n";
        String demo = env.getProperty("app.demo.enabled", Boolean.class, false)
                ? "   演示用户及密码见 README / demo users: see README\n" : "";
        return """

                ==============================================================
                 重大行政决策流程引擎已就绪 / Major decision engine is ready
                   公众门户 Public portal  %1$s/
                   登录页面 Sign in        %1$s/login
                   用户指南 User guide     %1$s/docs/user-guide.html
                   接口文档 API guide      %1$s/docs/index.html
                %2$s%3$s==============================================================""".formatted(base, guides, demo);
    }
}
