package cn.majordecision.annualreport;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A government's statistics of one year's decision-making, metric by metric; {@code publicationWorkingDays} is the
 * period after the decision within which a publication counts as on time.
 */
public record AnnualReport(String government, int year, Instant computedAt, List<Metric> metrics, List<String> notes,
        int publicationWorkingDays) {

    public Optional<Metric> metric(String key) {
        return metrics.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    /** The metrics whose keys start with {@code prefix}, in report order. */
    public List<Metric> metricsStartingWith(String prefix) {
        return metrics.stream().filter(m -> m.key().startsWith(prefix)).toList();
    }

    long value(String key) {
        return metric(key).map(Metric::value).orElse(0L);
    }
}
