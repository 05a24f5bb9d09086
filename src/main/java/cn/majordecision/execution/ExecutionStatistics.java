package cn.majordecision.execution;

import cn.majordecision.annualreport.AfterDecisionStatistics;
import cn.majordecision.calendar.Deadlines;
import cn.majordecision.cases.CaseService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The evaluations opened and the suspensions ordered in a year, for the annual report. */
@Component
class ExecutionStatistics implements AfterDecisionStatistics {

    private final DecisionEvaluationRepository evaluations;
    private final DecisionStatusChangeRepository statusChanges;
    private final CaseService cases;

    ExecutionStatistics(DecisionEvaluationRepository evaluations, DecisionStatusChangeRepository statusChanges,
            CaseService cases) {
        this.evaluations = evaluations;
        this.statusChanges = statusChanges;
        this.cases = cases;
    }

    @Override
    @Transactional(readOnly = true)
    public Counts of(int year) {
        Instant from = Deadlines.endOf(LocalDate.of(year, 1, 1).minusDays(1));
        Instant until = Deadlines.endOf(LocalDate.of(year, 12, 31));
        List<String> opened = evaluations.findByOpenedAtGreaterThanEqualAndOpenedAtLessThanOrderById(from, until)
                .stream().map(e -> cases.get(e.getCaseId()).getNumber()).toList();
        List<String> suspended = statusChanges.findByStatusAndChangedAtGreaterThanEqualAndChangedAtLessThanOrderById(
                DecisionStatus.SUSPENDED, from, until).stream()
                // the organ's confirmation keeps the status; it is not another suspension
                .filter(c -> c.getEvent() == DecisionStatusChange.StatusEvent.SUSPENDED).map(c -> cases.get(c.getCaseId()).getNumber()).toList();
        return new Counts(opened, suspended);
    }
}
