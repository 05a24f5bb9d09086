package cn.majordecision.expertreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DrawAlgorithmTests {

    private static final List<String> CANDIDATES = List.of("a", "b", "c", "d", "e", "f", "g");

    @Test
    void theSameCandidatesAndSeedGiveTheSameDraw() {
        assertThat(DrawAlgorithm.draw(CANDIDATES, 3, "seed-1")).isEqualTo(DrawAlgorithm.draw(CANDIDATES, 3, "seed-1"));
    }

    @Test
    void matchesTheAnswerComputedIndependentlyFromTheGuidesDescription() {
        // SHA-256("银湖-2026:i"), first 8 bytes unsigned big-endian, modulo the candidates left
        assertThat(DrawAlgorithm.draw(CANDIDATES, 3, "银湖-2026")).containsExactly("g", "f", "a");
    }

    @Test
    void drawsDistinctCandidatesAndCanDrawAll() {
        assertThat(DrawAlgorithm.draw(CANDIDATES, 7, "x")).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(CANDIDATES);
    }

    @Test
    void anotherSeedUsuallyGivesAnotherDraw() {
        long distinct = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> DrawAlgorithm.draw(CANDIDATES, 3, "seed-" + i)).distinct().count();
        assertThat(distinct).isGreaterThan(10);
    }

    @Test
    void refusesToDrawMoreThanTheCandidates() {
        assertThatThrownBy(() -> DrawAlgorithm.draw(CANDIDATES, 8, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
