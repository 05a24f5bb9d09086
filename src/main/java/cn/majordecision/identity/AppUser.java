package cn.majordecision.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** A person who signs in: id, Chinese name, unit, password hash and groups. */
@Entity
@Table(name = "app_user")
class AppUser {

    @Id
    @Column(name = "user_id")
    private String userId;

    @Column(name = "display_name")
    private String displayName;

    private String unit;

    @Column(name = "password_hash")
    private String passwordHash;

    private boolean enabled;

    private String email;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_group", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "group_id")
    private Set<String> groups = new HashSet<>();

    protected AppUser() {
    }

    AppUser(String userId, String displayName, String unit, String email, String passwordHash, Set<String> groups) {
        this.userId = userId;
        this.displayName = displayName;
        this.unit = unit;
        this.email = email;
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.groups = new HashSet<>(groups);
    }

    void update(String displayName, String unit, String email, Set<String> groups, boolean enabled) {
        this.displayName = displayName;
        this.unit = unit;
        this.email = email;
        this.groups = new HashSet<>(groups);
        this.enabled = enabled;
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    String getUserId() { return userId; }
    String getDisplayName() { return displayName; }
    String getUnit() { return unit; }
    String getPasswordHash() { return passwordHash; }
    boolean isEnabled() { return enabled; }
    String getEmail() { return email; }
    Set<String> getGroups() { return Set.copyOf(groups); }
}
