package cn.majordecision.documents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.documents.DraftDiffs.Change;
import cn.majordecision.documents.DraftDiffs.Line;
import cn.majordecision.documents.DraftDiffs.TextDiff;
import org.junit.jupiter.api.Test;

class DraftDiffsTests {

    @Test
    void aChangedLineIsRemovedAndAddedWithItsLineNumbers() {
        TextDiff diff = DraftDiffs.lines("第一条\n第二条 1.8公里\n第三条", "第一条\n第二条 2.0公里\n第三条\n第四条");

        assertThat(diff.added()).isEqualTo(2);
        assertThat(diff.removed()).isEqualTo(1);
        assertThat(diff.lines()).containsExactly(
                new Line(Change.UNCHANGED, 1, 1, "第一条"),
                new Line(Change.REMOVED, 2, null, "第二条 1.8公里"),
                new Line(Change.ADDED, null, 2, "第二条 2.0公里"),
                new Line(Change.UNCHANGED, 3, 3, "第三条"),
                new Line(Change.ADDED, null, 4, "第四条"));
    }

    @Test
    void anEmptyOrMissingTextIsAllAddedOrRemoved() {
        assertThat(DraftDiffs.lines(null, "新\n文").added()).isEqualTo(2);
        assertThat(DraftDiffs.lines("旧", "").removed()).isEqualTo(1);
        assertThat(DraftDiffs.lines("同\r\n样", "同\n样").lines()).allMatch(l -> l.change() == Change.UNCHANGED);
    }
}
