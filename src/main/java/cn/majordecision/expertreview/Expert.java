package cn.majordecision.expertreview;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One expert of the pool: a user account of the experts group with discipline, affiliation, contact and status. */
@Entity
@Table(name = "expert")
public class Expert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id")
    private String userId;

    private String name;

    private String discipline;

    private String affiliation;

    private String contact;

    private boolean active;

    @Column(name = "changed_by")
    private String changedBy;

    @Column(name = "changed_at")
    private Instant changedAt;

    protected Expert() {
    }

    Expert(String userId, String name, String discipline, String affiliation, String contact, String by, Instant at) {
        this.userId = userId;
        this.name = name;
        this.discipline = discipline;
        this.affiliation = affiliation;
        this.contact = contact;
        this.active = true;
        this.changedBy = by;
        this.changedAt = at;
    }

    public Long getId() { return id; }
    public String getUserId() { return userId; }
    public String getName() { return name; }
    public String getDiscipline() { return discipline; }
    public String getAffiliation() { return affiliation; }
    public String getContact() { return contact; }
    public boolean isActive() { return active; }
    public String getChangedBy() { return changedBy; }
    public Instant getChangedAt() { return changedAt; }

    void update(String discipline, String affiliation, String contact, boolean active, String by, Instant at) {
        this.discipline = discipline;
        this.affiliation = affiliation;
        this.contact = contact;
        this.active = active;
        this.changedBy = by;
        this.changedAt = at;
    }
}
