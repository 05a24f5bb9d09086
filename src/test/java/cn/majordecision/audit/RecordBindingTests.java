package cn.majordecision.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.shared.RecordIntegrity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How one business row is judged against the digest its audit entry recorded (ADR 0021). */
class RecordBindingTests {

    private static final String CONTENT = "{\"launchDecision\":\"launch\"}";
    private static final String FORGED = "{\"launchDecision\":\"notLaunch\"}";

    @Test
    void aRowWhoseContentDigestsToItsEntryIsBound() {
        String digest = RecordIntegrity.sha256(CONTENT);
        assertThat(RecordBindings.verdict(true, digest, RecordIntegrity.sha256(CONTENT), digest)).isNull();
    }

    @Test
    void aRowRewrittenTogetherWithItsHashColumnIsCaughtByTheEntry() {
        String logged = RecordIntegrity.sha256(CONTENT);
        String forged = RecordIntegrity.sha256(FORGED);
        assertThat(RecordBindings.verdict(true, logged, forged, forged)).isEqualTo(RecordBindings.ALTERED);
    }

    @Test
    void aRowWhoseHashColumnNoLongerMatchesIsCaughtEvenWithoutALoggedDigest() {
        // entries written before a digest was logged (older corrections, drafts) have none to compare with
        assertThat(RecordBindings.verdict(true, null, RecordIntegrity.sha256(FORGED), RecordIntegrity.sha256(CONTENT)))
                .isEqualTo(RecordBindings.HASH_COLUMN);
        assertThat(RecordBindings.verdict(true, null, RecordIntegrity.sha256(CONTENT), null)).isNull();
    }

    @Test
    void aRowTheLogNeverRecordedIsReported() {
        assertThat(RecordBindings.verdict(false, null, RecordIntegrity.sha256(CONTENT), RecordIntegrity.sha256(CONTENT)))
                .isEqualTo(RecordBindings.UNLOGGED);
    }

    @Test
    void aMismatchNamesTableIdAndCase() {
        List<RecordIntegrity.Mismatch> found = new ArrayList<>();
        RecordBindings.Logged logged = new RecordBindings.Logged();
        logged.put("42", 7L, RecordIntegrity.sha256(CONTENT));
        RecordBindings.compare(found, logged, RecordIntegrity.STAGE_RECORD, 42, "42", 7, Map.of(7L, "YHZ-2026-007"),
                RecordIntegrity.sha256(FORGED), RecordIntegrity.sha256(FORGED));

        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.describe()).isEqualTo("办理记录（stage_record #42，事项 YHZ-2026-007）：" + RecordBindings.ALTERED);
            assertThat(RecordIntegrity.tampered(found, RecordIntegrity.STAGE_RECORD, 42L)).isTrue();
            assertThat(RecordIntegrity.tampered(found, RecordIntegrity.RECORD_CORRECTION, 42L)).isFalse();
        });
        assertThat(logged.caseOf()).as("the entry is matched, so it is not reported as deleted").isEmpty();
    }

    @Test
    void draftDigestsTellAbsentFromEmptyAndWhereOneFieldEnds() {
        assertThat(RecordIntegrity.draftDigest("a", null, null)).isNotEqualTo(RecordIntegrity.draftDigest("a", "", null));
        assertThat(RecordIntegrity.draftDigest("ab", "c", null)).isNotEqualTo(RecordIntegrity.draftDigest("a", "bc", null));
    }

    @Test
    void opinionsAreDigestedAsTheConsultationDigestsThem() {
        assertThat(RecordBindings.normalise("  Ａ b\n c ")).isEqualTo("abc");
    }
}
