package cn.majordecision.expertreview;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored random draw: ordered candidates, the rule, the seed and the drawn experts (user ids, comma-separated). */
@Entity
@Table(name = "expert_draw")
public class ExpertDraw {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    private String discipline;

    @Column(name = "draw_count")
    private int count;

    private String seed;

    @Lob
    @Column(name = "rule_text")
    private String rule;

    @Lob
    private String candidates;

    @Lob
    private String drawn;

    @Column(name = "seed_hash")
    private String seedHash;

    @Column(name = "drawn_by")
    private String drawnBy;

    @Column(name = "drawn_at")
    private Instant drawnAt;

    protected ExpertDraw() {
    }

    ExpertDraw(Long caseId, String discipline, int count, String seed, String seedHash, String rule, String candidates,
            String drawn, String drawnBy, Instant drawnAt) {
        this.seedHash = seedHash;
        this.caseId = caseId;
        this.discipline = discipline;
        this.count = count;
        this.seed = seed;
        this.rule = rule;
        this.candidates = candidates;
        this.drawn = drawn;
        this.drawnBy = drawnBy;
        this.drawnAt = drawnAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public String getDiscipline() { return discipline; }
    public int getCount() { return count; }
    public String getSeed() { return seed; }
    public String getSeedHash() { return seedHash; }
    public String getRule() { return rule; }
    public String getCandidates() { return candidates; }
    public String getDrawn() { return drawn; }
    public String getDrawnBy() { return drawnBy; }
    public Instant getDrawnAt() { return drawnAt; }
}
