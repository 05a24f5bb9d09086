package cn.majordecision.annualreport;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A government's statistics of one year's decision-making, metric by metric. */
public record AnnualReport(String government, int year, Instant computedAt, List<Metric> metrics, List<String> notes) {

    public Optional<Metric> metric(String key) {
        return metrics.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    long value(String key) {
        return metric(key).map(Metric::value).orElse(0L);
    }
}
