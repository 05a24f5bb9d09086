package cn.majordecision.identity.web;

import cn.majordecision.identity.Groups;
import cn.majordecision.identity.UserAdministration;
import cn.majordecision.identity.UserAdministration.Account;
import cn.majordecision.identity.UserAdministration.AccountInput;
import cn.majordecision.shared.Actor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators keep users and their groups. */
@RestController
@RequestMapping(path = "/api/admin", produces = "application/json")
class UserAdminController {

    private final UserAdministration administration;

    UserAdminController(UserAdministration administration) {
        this.administration = administration;
    }

    record NewAccount(String userId, String displayName, String unit, String email, Set<String> groups, String password) {
    }

    record PasswordReset(String password) {
    }

    @GetMapping("/groups")
    Map<String, String> groups(Actor actor) {
        administration.list(actor); // administrators only
        return Groups.ALL;
    }

    @GetMapping("/users")
    List<Account> users(Actor actor) {
        return administration.list(actor);
    }

    @PostMapping(path = "/users", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    Account create(@RequestBody NewAccount request, Actor actor) {
        return administration.create(request.userId(), new AccountInput(request.displayName(), request.unit(),
                request.email(), request.groups(), true), request.password(), actor);
    }

    @PutMapping(path = "/users/{userId}", consumes = "application/json")
    Account update(@PathVariable String userId, @RequestBody AccountInput request, Actor actor) {
        return administration.update(userId, request, actor);
    }

    @PutMapping(path = "/users/{userId}/password", consumes = "application/json")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable String userId, @RequestBody PasswordReset request, Actor actor) {
        administration.setPassword(userId, request.password(), actor);
    }
}
