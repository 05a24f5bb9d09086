package cn.majordecision.identity.process;

import cn.majordecision.identity.EngineIdentity;
import cn.majordecision.identity.Groups;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Keeps Camunda's identity tables in step with ours; engine operators also join {@code camunda-admin}. */
@Component
class CamundaEngineIdentity implements EngineIdentity {

    static final String ENGINE_OPERATORS = "engine-operators";

    private final IdentityService identity;

    CamundaEngineIdentity(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void mirror(String userId, String displayName, String rawPassword, Set<String> groups) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setFirstName(basicPlaneOnly(displayName));
            user.setLastName("");
            user.setPassword(rawPassword);
            identity.saveUser(user);
        }
        for (String group : groups) {
            ensureGroup(group, Groups.ALL.getOrDefault(group, group));
            identity.createMembership(userId, group);
            if (ENGINE_OPERATORS.equals(group)) {
                ensureGroup(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN, "Camunda 管理员");
                identity.createMembership(userId, org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);
            }
        }
    }

    @Override
    public void update(String userId, String displayName, String rawPasswordOrNull, Set<String> groups) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            mirror(userId, displayName, rawPasswordOrNull == null ? java.util.UUID.randomUUID().toString() : rawPasswordOrNull, groups);
            return;
        }
        user.setFirstName(basicPlaneOnly(displayName));
        if (rawPasswordOrNull != null) {
            user.setPassword(rawPasswordOrNull);
        }
        identity.saveUser(user);
        Set<String> wanted = new java.util.HashSet<>(groups);
        if (wanted.contains(ENGINE_OPERATORS)) {
            wanted.add(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);
        }
        for (Group group : identity.createGroupQuery().groupMember(userId).list()) {
            if (!wanted.remove(group.getId())) {
                identity.deleteMembership(userId, group.getId());
            }
        }
        for (String group : wanted) {
            ensureGroup(group, Groups.ALL.getOrDefault(group, group));
            identity.createMembership(userId, group);
        }
    }

    /**
     * Camunda's MySQL schema declares its tables utf8 (3-byte), so a name such as 𠮷祥 cannot be stored there. The
     * engine copy is only a label for its webapps; our own utf8mb4 tables keep the real name.
     */
    static String basicPlaneOnly(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(Character.isSupplementaryCodePoint(cp) ? '\uFFFD' : cp));
        return out.toString();
    }

    private void ensureGroup(String groupId, String name) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }
}
