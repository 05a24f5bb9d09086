package cn.majordecision.identity;

import cn.majordecision.shared.Actor;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The user store: who exists, in which groups, and the login lookup. */
@Service
@Transactional
public class UserDirectory implements UserDetailsService {

    private final AppUserRepository users;
    private final PasswordEncoder passwords;
    private final EngineIdentity engine;

    UserDirectory(AppUserRepository users, PasswordEncoder passwords, EngineIdentity engine) {
        this.users = users;
        this.passwords = passwords;
        this.engine = engine;
    }

    /** Creates the user unless one with this id exists; returns whether it was created. */
    public boolean register(String userId, String displayName, String unit, String email, String rawPassword,
            Set<String> groups) {
        userId = UserIds.canonical(userId);
        if (users.existsById(userId)) {
            return false;
        }
        users.save(new AppUser(userId, displayName, unit, email, passwords.encode(rawPassword), groups));
        engine.mirror(userId, displayName, rawPassword, groups);
        return true;
    }

    @Transactional(readOnly = true)
    public Optional<Actor> find(String userId) {
        return users.findById(UserIds.canonical(userId)).map(UserDirectory::actor);
    }

    /** The user's e-mail address, if one is known. */
    @Transactional(readOnly = true)
    public Optional<String> emailOf(String userId) {
        return users.findById(UserIds.canonical(userId)).map(AppUser::getEmail).filter(email -> !email.isBlank());
    }

    /** The people with exactly this name (names repeat: several may answer). */
    @Transactional(readOnly = true)
    public List<Actor> findByName(String displayName) {
        return users.findByDisplayNameOrderByUserId(displayName).stream().map(UserDirectory::actor).toList();
    }

    /** The user ids of a group's members. */
    @Transactional(readOnly = true)
    public List<String> members(String group) {
        return users.findByGroupsContaining(group).stream().map(AppUser::getUserId).sorted().toList();
    }

    @Transactional(readOnly = true)
    public boolean isMember(String userId, String group) {
        return users.findById(UserIds.canonical(userId)).map(u -> u.getGroups().contains(group)).orElse(false);
    }

    @Override
    @Transactional(readOnly = true)
    public DirectoryUser loadUserByUsername(String username) {
        String userId = UserIds.canonical(username);
        AppUser user = users.findById(userId == null ? "" : userId)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return new DirectoryUser(actor(user), user.getPasswordHash(), user.isEnabled());
    }

    private static Actor actor(AppUser user) {
        // the stored id, in its one spelling: the entity may carry the spelling it was looked up with
        return new Actor(UserIds.canonical(user.getUserId()), user.getDisplayName(), user.getUnit(), user.getGroups());
    }
}
