package cn.majordecision.cases;

import java.util.Map;

/**
 * What an officer files to start a case: the proposal of Arts. 10-11, the flags and the basis of each flag that
 * switches a stage off. A case is filed against an item of the decision catalog ({@code catalogItem}, its number) or
 * outside it with a reason. A flag left out of {@code flags} (or all of them, when null) takes its default: the
 * catalog item's procedures, and expert review and risk assessment on. {@code skipBases} is keyed by flag.
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
        Map<String, Boolean> flags,
        Map<String, SkipBasis> skipBases) {

    public FileCaseCommand {
        skipBases = skipBases == null ? Map.of() : skipBases;
    }

    /** A filing whose flags are all set (or all left to their defaults, when null) and that skips nothing. */
    public FileCaseCommand(String title, DecisionCategory category, ProposerType proposerType, String catalogItem,
            String outsideCatalogReason, String undertakingUnit, String leadUnit, String problem,
            String reasonsAndBasis, String initialPlan, String necessityAndFeasibility, CaseFlags flags) {
        this(title, category, proposerType, catalogItem, outsideCatalogReason, undertakingUnit, leadUnit, problem,
                reasonsAndBasis, initialPlan, necessityAndFeasibility, flags == null ? null : flags.asMap(), Map.of());
    }
}
