package cn.majordecision.shared;

import java.math.BigDecimal;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The configurable thresholds of the procedure, one owner each: the rules that refuse a submission and the compliance
 * check that judges the stored records read the same values, so the two cannot contradict each other. Defaults are
 * the national rules; provinces and cities may set stricter ones, never weaker (a weaker setting stops start-up).
 *
 * @param consultationMinimumDays the public consultation lasts at least this many calendar days (Art. 15)
 * @param hearingMaterialsDays hearing materials reach participants at least this many days before (Art. 16)
 * @param minimumExperts an odd number of experts, at least this many (Art. 20)
 * @param legalityReviewWorkingDays the legality reviewer gets at least this many working days (Art. 26)
 * @param quorum more than this fraction of the leadership roster must be present at the meeting (Art. 30)
 * @param maxDeferral a deferred decision waits at most this long
 * @param leadership the government's leadership roster (政府领导班子组成人员): the members a meeting is counted against
 * @param publicationWorkingDays a decision is published within this many working days after it is made (Art. 32,
 *        "及时公布"); later only with the reason stated
 * @param gazette whether this government issues a gazette (本级人民政府公报): if it does, a decision is published in it
 */
public record ProcedurePolicy(int consultationMinimumDays, int hearingMaterialsDays, int minimumExperts,
        int legalityReviewWorkingDays, BigDecimal quorum, Period maxDeferral, List<String> leadership,
        int publicationWorkingDays, boolean gazette) {

    /** The usual period for publishing a decision: 20 working days. */
    public static final int PUBLICATION_WORKING_DAYS = 20;

    /** The national defaults, with no roster configured and no gazette. */
    public static final ProcedurePolicy NATIONAL = new ProcedurePolicy(30, 7, 3, 7, new BigDecimal("0.5"),
            Period.ofYears(1), List.of());

    /** With the usual publication period and no gazette. */
    public ProcedurePolicy(int consultationMinimumDays, int hearingMaterialsDays, int minimumExperts,
            int legalityReviewWorkingDays, BigDecimal quorum, Period maxDeferral, List<String> leadership) {
        this(consultationMinimumDays, hearingMaterialsDays, minimumExperts, legalityReviewWorkingDays, quorum,
                maxDeferral, leadership, PUBLICATION_WORKING_DAYS, false);
    }

    public ProcedurePolicy {
        if (publicationWorkingDays < 1 || publicationWorkingDays > PUBLICATION_WORKING_DAYS) {
            throw new IllegalArgumentException("app.publication.working-days 须在 1 至 %d 个工作日之间（第三十二条：及时公布），现为 %d"
                    .formatted(PUBLICATION_WORKING_DAYS, publicationWorkingDays));
        }
        Objects.requireNonNull(quorum, "app.meeting.quorum");
        Objects.requireNonNull(maxDeferral, "app.meeting.max-deferral");
        // a province or city may ask for more than Decree 713, never for less
        if (quorum.compareTo(new BigDecimal("0.5")) < 0 || quorum.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("app.meeting.quorum 须不低于 0.5（过半数）且小于 1，现为 " + quorum);
        }
        if (consultationMinimumDays < 30) {
            throw new IllegalArgumentException("app.consultation.minimum-days 不得少于第十五条规定的 30 日，现为 "
                    + consultationMinimumDays);
        }
        if (hearingMaterialsDays < 7) {
            throw new IllegalArgumentException("app.consultation.hearing-materials-days 不得少于第十六条规定的 7 日，现为 "
                    + hearingMaterialsDays);
        }
        if (legalityReviewWorkingDays < 7) {
            throw new IllegalArgumentException("app.legality-review.minimum-working-days 不得少于第二十六条规定的 7 个工作日，现为 "
                    + legalityReviewWorkingDays);
        }
        if (minimumExperts < 1) {
            throw new IllegalArgumentException("app.expert-review.minimum-experts 须为正数，现为 " + minimumExperts);
        }
        List<String> names = leadership == null ? List.of()
                : leadership.stream().filter(Objects::nonNull).map(String::strip).filter(n -> !n.isEmpty()).toList();
        if (new LinkedHashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("app.meeting.leadership 中有重复的姓名：" + names);
        }
        leadership = List.copyOf(names);
    }

    /** Whether {@code present} members are more than the quorum fraction of {@code total}. */
    public boolean isQuorate(int present, int total) {
        return BigDecimal.valueOf(present).compareTo(quorum.multiply(BigDecimal.valueOf(total))) > 0;
    }

    /** The fewest members present that make a quorum of {@code total}. */
    public int quorumOf(int total) {
        int needed = 0;
        while (!isQuorate(needed, total) && needed <= total) {
            needed++;
        }
        return needed;
    }

    /** Whether the leadership roster is configured (without it no meeting can be counted). */
    public boolean hasLeadership() {
        return !leadership.isEmpty();
    }
}
