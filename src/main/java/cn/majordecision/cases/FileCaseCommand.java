package cn.majordecision.cases;

/**
 * What an officer files to start a case: the proposal of Arts. 10-11 and the flags. A case is filed against an item
 * of the decision catalog ({@code catalogItem}, its number) or outside it with a reason; {@code flags} may be null
 * when filed against an item, which then gives them.
 */
public record FileCaseCommand(
        String title,
        DecisionCategory category,
        ProposerType proposerType,
        String catalogItem,
        String outsideCatalogReason,
        String undertakingUnit,
        String leadUnit,
        String problem,
        String reasonsAndBasis,
        String initialPlan,
        String necessityAndFeasibility,
        CaseFlags flags) {

    FileCaseCommand withFlags(CaseFlags given) {
        return new FileCaseCommand(title, category, proposerType, catalogItem, outsideCatalogReason, undertakingUnit,
                leadUnit, problem, reasonsAndBasis, initialPlan, necessityAndFeasibility, given);
    }
}
