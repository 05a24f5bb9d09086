package cn.majordecision.worklist.process;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Lets the job executor finish the jobs it is running when the application stops, instead of interrupting them: an
 * interrupted job rolls back and stays locked until its lock expires, so a deadline reminder or a stage start would
 * wait minutes for another node. Jobs not yet started are left to the next start (or another node).
 */
@Component
class JobExecutorShutdown implements BeanPostProcessor {

    /** The bean name the Camunda starter gives its job executor's thread pool. */
    private static final String JOB_THREADS = "camundaTaskExecutor";

    private final int awaitSeconds;

    JobExecutorShutdown(@Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") java.time.Duration timeout) {
        this.awaitSeconds = (int) timeout.toSeconds();
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (JOB_THREADS.equals(beanName) && bean instanceof ThreadPoolTaskExecutor pool) {
            pool.setWaitForTasksToCompleteOnShutdown(true);
            pool.setAwaitTerminationSeconds(awaitSeconds);
        }
        return bean;
    }
}
