package cn.majordecision.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.LinkedHashMap;
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
