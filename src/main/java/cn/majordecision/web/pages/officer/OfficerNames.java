package cn.majordecision.web.pages.officer;

import cn.majordecision.identity.UserDirectory;
import cn.majordecision.shared.Actor;
import org.springframework.stereotype.Component;

/** People by name on the pages ({@code ${@officerNames.of(userId)}}): records keep user ids, readers know names. */
@Component("officerNames")
class OfficerNames {

    private final UserDirectory users;

    OfficerNames(UserDirectory users) {
        this.users = users;
    }

    /** The person's name, or what was given when it is no user id (a name already, or "public"). */
    public String of(String userId) {
        if (userId == null || userId.isBlank()) {
            return "";
        }
        return users.find(userId).map(Actor::displayName).orElse(userId);
    }
}
