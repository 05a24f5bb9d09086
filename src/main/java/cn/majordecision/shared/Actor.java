package cn.majordecision.shared;

import java.util.Set;

/** The person acting: user id, display name, unit and groups, as authenticated. */
public record Actor(String userId, String displayName, String unit, Set<String> groups) {

    public boolean isIn(String group) {
        return groups.contains(group);
    }

    public boolean isInAny(Set<String> candidates) {
        return candidates.stream().anyMatch(groups::contains);
    }
}
