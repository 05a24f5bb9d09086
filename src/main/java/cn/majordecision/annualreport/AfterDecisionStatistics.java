package cn.majordecision.annualreport;

import java.util.List;

/**
 * What happened after decisions in a year (Arts. 35-36): post-decision evaluations opened and executions suspended.
 * Implemented by the module that records them; the report shows zero with a note while none exists.
 */
public interface AfterDecisionStatistics {

    /** The evaluations opened and the suspensions ordered in {@code year} (Asia/Shanghai), by case number. */
    Counts of(int year);

    /** Case numbers, one entry per evaluation and per suspension (a case may appear more than once). */
    record Counts(List<String> evaluations, List<String> suspensions) {
    }
}
