package cn.majordecision.identity;

import java.util.Set;

/** Mirrors users and groups into the engine, so its webapps and user operation log know them. */
public interface EngineIdentity {

    void mirror(String userId, String displayName, String rawPassword, Set<String> groups);

    /** Brings an existing user's name, groups and (when given) password in the engine in line with ours. */
    void update(String userId, String displayName, String rawPasswordOrNull, Set<String> groups);
}
