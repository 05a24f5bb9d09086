package cn.majordecision.cases;

/** What an officer files to start a case: the proposal of Arts. 10-11 and the flags. */
public record FileCaseCommand(
        String title,
        DecisionCategory category,
        ProposerType proposerType,
        String catalogItem,
        String undertakingUnit,
        String leadUnit,
        String problem,
        String reasonsAndBasis,
        String initialPlan,
        String necessityAndFeasibility,
        CaseFlags flags) {
}
