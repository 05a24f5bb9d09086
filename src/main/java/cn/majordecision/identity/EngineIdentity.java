package cn.majordecision.identity;

import java.util.Set;

/** Mirrors users and groups into the engine, so its webapps and user operation log know them. */
public interface EngineIdentity {

    void mirror(String userId, String displayName, String rawPassword, Set<String> groups);
}
