package cn.majordecision.database;

import java.util.List;

/** The database is not set up as the application needs; start-up stops with every problem named. */
class DatabaseMisconfigured extends RuntimeException {

    private final List<String> problems;

    DatabaseMisconfigured(List<String> problems) {
        super("数据库设置不符合要求（" + problems.size() + " 项）：\n" + String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
