package cn.majordecision.repair;

/** What an operator may do to a live case's engine state. Nothing here ends a step or decides anything. */
public enum RepairAction {
    /** Give the case's failed jobs (service tasks, timers) one more try; their incidents close when they succeed. */
    RETRY_FAILED_JOBS("重试失败的作业"),
    /** Mark an incident that is not a failed job (e.g. a failed external call) as resolved. */
    RESOLVE_INCIDENT("标记事件已处理"),
    /** Move a token back: cancel an activity and start again before one the case has already passed through. */
    MOVE_TOKEN_BACK("退回流程节点");

    private final String label;

    RepairAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
