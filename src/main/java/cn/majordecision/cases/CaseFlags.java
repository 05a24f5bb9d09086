package cn.majordecision.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The eight flags that decide which conditional stages run (pipeline design, "The case"). */
@Embeddable
public record CaseFlags(
        @Column(name = "flag_non_public") boolean nonPublic,
        @Column(name = "flag_technical") boolean technical,
        @Column(name = "flag_stability_risk") boolean stabilityRisk,
        @Column(name = "flag_prior_risk_assessment") boolean priorRiskAssessment,
        @Column(name = "flag_hearing") boolean hearing,
        @Column(name = "flag_market_activity") boolean marketActivity,
        @Column(name = "flag_congress_approval") boolean congressApproval,
        @Column(name = "flag_exploratory_reform") boolean exploratoryReform) {

    public static final CaseFlags NONE = new CaseFlags(false, false, false, false, false, false, false, false);
    /** What a flag left out means at filing: expert review and risk assessment run unless a basis turns them off. */
    public static final CaseFlags DEFAULTS = new CaseFlags(false, true, true, false, false, false, false, false);

    /** The value of each flag that asks for less: it drops a stage, a step or a safeguard. */
    private static final Map<String, Boolean> WEAKER_VALUE = Map.of("nonPublic", true, "technical", false,
            "stabilityRisk", false, "priorRiskAssessment", true, "hearing", false, "marketActivity", false,
            "congressApproval", false, "exploratoryReform", true);

    /**
     * Whether this value of the flag lets the process leave out the stage it controls: a stage switched off (which
     * needs a basis), or the congress step of a matter that is not for the people's congress (which needs none).
     */
    public static boolean letsSkip(String flag, boolean value) {
        return "congressApproval".equals(flag) ? !value : skips(flag, value);
    }

    /** Whether this value of the flag switches a statutory stage off, and so needs a basis (Arts. 14, 19, 22, 32). */
    public static boolean skips(String flag, boolean value) {
        return switch (flag) {
            case "nonPublic", "priorRiskAssessment" -> value;
            case "technical", "stabilityRisk" -> !value;
            default -> false;
        };
    }

    /** The flags of this set that switch a statutory stage off, in the order of {@link #asVariables()}. */
    public List<String> skipping() {
        return asVariables().entrySet().stream().filter(e -> skips(e.getKey(), (Boolean) e.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * The flags on which this set asks for less than {@code minimum}, such as the approved procedures of a catalog
     * item. A prior assessment is weaker only where the minimum requires a risk assessment.
     */
    public List<String> weakerThan(CaseFlags minimum) {
        Map<String, Object> floor = minimum.asVariables();
        return asVariables().entrySet().stream().filter(e -> {
            boolean weak = WEAKER_VALUE.get(e.getKey());
            if (e.getKey().equals("priorRiskAssessment") && (!minimum.stabilityRisk() || minimum.priorRiskAssessment())) {
                return false;
            }
            return e.getValue().equals(weak) && !floor.get(e.getKey()).equals(weak);
        }).map(Map.Entry::getKey).toList();
    }

    /** These flags with expert review and risk assessment switched on. */
    public CaseFlags withExpertReviewAndRiskAssessment() {
        return new CaseFlags(nonPublic, true, true, priorRiskAssessment, hearing, marketActivity, congressApproval,
                exploratoryReform);
    }

    /** The flags {@code given} sets, each one left out (null or absent) taking its value from {@code defaults}. */
    public static CaseFlags of(Map<String, Boolean> given, CaseFlags defaults) {
        Map<String, Object> value = defaults.asVariables();
        if (given != null) {
            given.forEach((flag, set) -> {
                if (set != null && value.containsKey(flag)) {
                    value.put(flag, set);
                }
            });
        }
        return new CaseFlags((Boolean) value.get("nonPublic"), (Boolean) value.get("technical"),
                (Boolean) value.get("stabilityRisk"), (Boolean) value.get("priorRiskAssessment"),
                (Boolean) value.get("hearing"), (Boolean) value.get("marketActivity"),
                (Boolean) value.get("congressApproval"), (Boolean) value.get("exploratoryReform"));
    }

    /** Every flag and its value, as {@link #of(Map, CaseFlags)} takes them. */
    public Map<String, Boolean> asMap() {
        Map<String, Boolean> map = new LinkedHashMap<>();
        asVariables().forEach((flag, value) -> map.put(flag, (Boolean) value));
        return map;
    }

    public Map<String, Object> asVariables() {
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("nonPublic", nonPublic);
        flags.put("technical", technical);
        flags.put("stabilityRisk", stabilityRisk);
        flags.put("priorRiskAssessment", priorRiskAssessment);
        flags.put("hearing", hearing);
        flags.put("marketActivity", marketActivity);
        flags.put("congressApproval", congressApproval);
        flags.put("exploratoryReform", exploratoryReform);
        return flags;
    }

    public boolean value(String flag) {
        Object value = asVariables().get(flag);
        if (value == null) {
            throw new IllegalArgumentException("Unknown flag " + flag);
        }
        return (Boolean) value;
    }
}
