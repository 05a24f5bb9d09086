package cn.majordecision.execution;

import cn.majordecision.worklist.WaitingWork;
import java.util.List;
import org.springframework.stereotype.Component;

/** Problem reports (Art. 35) the decision organ has not answered yet, for the deadline report. */
@Component
class ProblemReportsAwaitingAnswer implements WaitingWork.Source {

    static final String KIND = "Execution_AnswerProblemReport";

    private final ExecutionService execution;

    ProblemReportsAwaitingAnswer(ExecutionService execution) {
        this.execution = execution;
    }

    @Override
    public List<WaitingWork> waiting() {
        return execution.unansweredProblems().stream()
                .map(p -> new WaitingWork("problem-report-" + p.reportId(), "答复执行中发现的问题（第三十五条）", KIND,
                        "决策执行", p.caseId(), List.of("heads"), p.filedAt()))
                .toList();
    }
}
