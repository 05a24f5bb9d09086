package cn.majordecision.audit.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline check that a bundle holds every entry of its case (ADR 0021). */
class CaseChainTests {

    private final List<String> problems = new ArrayList<>();
    private final BundleVerifier.Chain chain = new BundleVerifier.Chain("YHZ-2026-001", problems);

    @Test
    void aCompleteChainHasNoProblem() {
        chain.next(3, "{\"caseEntry\":1,\"casePreviousLeaf\":null}", "aa");
        chain.next(7, "{\"caseEntry\":2,\"casePreviousLeaf\":\"aa\"}", "bb");
        chain.next(9, "{\"caseEntry\":3,\"casePreviousLeaf\":\"bb\"}", "cc");

        assertThat(problems).isEmpty();
        assertThat(chain.position).isEqualTo(3);
    }

    @Test
    void aMissingEntryIsNamedByCaseAndNumber() {
        chain.next(3, "{\"caseEntry\":1,\"casePreviousLeaf\":null}", "aa");
        chain.next(9, "{\"caseEntry\":3,\"casePreviousLeaf\":\"bb\"}", "cc");

        assertThat(problems).singleElement().asString()
                .contains("材料包缺少事项 YHZ-2026-001 的第 2 条条目", "在日志第 3 条与第 9 条之间", "entry 2 is missing");
    }

    @Test
    void theFirstEntriesMissingAreNamedToo() {
        chain.next(9, "{\"caseEntry\":3,\"casePreviousLeaf\":\"bb\"}", "cc");

        assertThat(problems).singleElement().asString().contains("第 1 至 2 条条目", "在日志第 9 条之前");
    }

    @Test
    void entriesFromBeforeTheChainAreCountedSoAMissingOneShows() {
        // two entries written before the chain began, the first chained one is the case's third
        chain.next(1, "{\"caseNumber\":\"YHZ-2026-001\"}", "aa");
        chain.next(2, "{}", "bb");
        chain.next(5, "{\"caseEntry\":3,\"casePreviousLeaf\":\"bb\"}", "cc");
        assertThat(problems).isEmpty();

        List<String> withoutOne = new ArrayList<>();
        BundleVerifier.Chain other = new BundleVerifier.Chain("YHZ-2026-001", withoutOne);
        other.next(1, "{\"caseNumber\":\"YHZ-2026-001\"}", "aa");
        other.next(5, "{\"caseEntry\":3,\"casePreviousLeaf\":\"bb\"}", "cc");
        assertThat(withoutOne).singleElement().asString().contains("第 2 条条目");
    }

    @Test
    void anEntryReplacedByAnotherWithTheSameNumberDoesNotLink() {
        chain.next(3, "{\"caseEntry\":1,\"casePreviousLeaf\":null}", "aa");
        chain.next(7, "{\"caseEntry\":2,\"casePreviousLeaf\":\"ff\"}", "bb");

        assertThat(problems).singleElement().asString().contains("第 7 条与本事项的前一条不衔接");
    }

    @Test
    void aDuplicatedOrReorderedEntryIsReported() {
        chain.next(3, "{\"caseEntry\":1,\"casePreviousLeaf\":null}", "aa");
        chain.next(7, "{\"caseEntry\":2,\"casePreviousLeaf\":\"aa\"}", "bb");
        chain.next(8, "{\"caseEntry\":2,\"casePreviousLeaf\":\"aa\"}", "bb");

        assertThat(problems).singleElement().asString().contains("事项内编号为 2，应为 3");
    }
}
