package cn.majordecision.calendar;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The time each user task is given, keyed by BPMN task id ({@code app.deadlines.tasks}), else
 * {@code app.deadlines.default-limit}. Read at start-up so a mistyped period stops the application instead of
 * leaving tasks without due dates.
 */
@ConfigurationProperties(prefix = "app.deadlines")
public class TaskDeadlines {

    private final TimeLimit defaultLimit;
    private final Map<String, TimeLimit> tasks = new HashMap<>();

    public TaskDeadlines(String defaultLimit, Map<String, String> tasks) {
        this.defaultLimit = TimeLimit.parse(defaultLimit == null ? "10 working days" : defaultLimit);
        if (tasks != null) {
            tasks.forEach((task, limit) -> {
                try {
                    this.tasks.put(task, TimeLimit.parse(limit));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("app.deadlines.tasks." + task + "：" + e.getMessage(), e);
                }
            });
        }
    }

    /** The period a task with this BPMN id is given from the moment it is created. */
    public TimeLimit forTask(String taskKey) {
        return tasks.getOrDefault(taskKey, defaultLimit);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TaskDeadlines.class)
    static class Settings {
    }
}
