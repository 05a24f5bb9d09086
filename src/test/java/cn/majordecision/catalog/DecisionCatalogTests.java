package cn.majordecision.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.majordecision.cases.CaseFlags;
import cn.majordecision.shared.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DecisionCatalogTests {

    private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");

    private final DecisionCatalog catalog = new DecisionCatalog("银湖镇人民政府", 2026, "wangfang", NOW);

    @Test
    void numbersItemsPerYearWithoutReuse() {
        assertThat(catalog.nextItemNumber()).isEqualTo("ML-2026-01");
        assertThat(catalog.nextItemNumber()).isEqualTo("ML-2026-02");
    }

    @Test
    void anApprovedCatalogRefusesDirectEditsNamingItsState() {
        catalog.approve("镇党委2026年第2次会议", "fenglei", NOW);
        assertThatThrownBy(catalog::requireDraft)
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("已经党委同意")
                .hasMessageContaining("调整申请");
    }

    @Test
    void isPublishedOnlyAfterApprovalAndOnlyOnce() {
        assertThatThrownBy(() -> catalog.publish("zhenghong", NOW)).hasMessageContaining("草拟中");
        catalog.approve("镇党委2026年第2次会议", "fenglei", NOW);
        catalog.publish("zhenghong", NOW);
        assertThat(catalog.getStatus()).isEqualTo(CatalogStatus.PUBLISHED);
        assertThatThrownBy(() -> catalog.publish("zhenghong", NOW)).hasMessageContaining("不能重复公布");
        assertThatThrownBy(() -> catalog.approve("再次", "fenglei", NOW)).hasMessageContaining("不能再次审定");
    }

    @Test
    void aChangeRequestIsDecidedOnce() {
        CatalogChangeRequest request = new CatalogChangeRequest(1L, ChangeKind.ADD, null, new ItemContent("公厕改造",
                "镇规划建设办", "依据", CaseFlags.NONE, LocalDate.of(2026, 12, 31)), "理由", "wangfang", NOW);
        request.decide(false, "资金未落实", "fenglei", NOW);
        assertThat(request.getStatus()).isEqualTo(ChangeStatus.REJECTED);
        assertThatThrownBy(() -> request.decide(true, null, "fenglei", NOW)).hasMessageContaining("党委不同意");
    }

    @Test
    void listsTheRequiredStepsInPipelineOrder() {
        CaseFlags flags = new CaseFlags(false, true, true, true, true, true, true, false);
        assertThat(DecisionCatalogs.steps(flags)).containsExactly("公众参与", "听证", "专家论证", "风险评估（已有有效评估）",
                "合法性审查", "公平竞争审查", "集体讨论决定", "提请人大审议");
        assertThat(DecisionCatalogs.steps(new CaseFlags(true, false, false, false, false, false, false, true)))
                .containsExactly("合法性审查（探索性改革事项）", "集体讨论决定");
    }

    @Test
    void csvCellsAreQuotedAndNeverTakenForFormulas() {
        assertThat(DecisionCatalogs.cell("《公路法》，《规划法》")).isEqualTo("《公路法》，《规划法》");
        assertThat(DecisionCatalogs.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(DecisionCatalogs.cell("说\"明\"")).isEqualTo("\"说\"\"明\"\"\"");
        assertThat(DecisionCatalogs.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(DecisionCatalogs.cell("-1")).isEqualTo("'-1");
    }
}
