package cn.majordecision.cases.web;

import cn.majordecision.cases.CaseAccess;
import cn.majordecision.cases.CaseAccessGrant;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.shared.Actor;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A head lets another unit's officers read a case, and revokes that. */
@RestController
@RequestMapping(path = "/api/cases/{number}/access-grants", produces = "application/json")
class CaseAccessController {

    private final CaseService cases;
    private final CaseAccess access;

    CaseAccessController(CaseService cases, CaseAccess access) {
        this.cases = cases;
        this.access = access;
    }

    record GrantRequest(String unit, String reason) {
    }

    record GrantView(Long id, String unit, String reason, String grantedBy, Instant grantedAt, String revokedBy,
            Instant revokedAt, boolean active) {

        static GrantView of(CaseAccessGrant grant) {
            return new GrantView(grant.getId(), grant.getUnit(), grant.getReason(), grant.getGrantedBy(),
                    grant.getGrantedAt(), grant.getRevokedBy(), grant.getRevokedAt(), grant.isActive());
        }
    }

    @GetMapping
    List<GrantView> list(@PathVariable String number, Actor actor) {
        return access.grants(cases.read(number, actor)).stream().map(GrantView::of).toList();
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    GrantView grant(@PathVariable String number, @RequestBody GrantRequest request, Actor actor) {
        DecisionCase decisionCase = cases.read(number, actor);
        return GrantView.of(access.grant(decisionCase, request.unit(), request.reason(), actor));
    }

    @DeleteMapping("/{id}")
    GrantView revoke(@PathVariable String number, @PathVariable Long id, Actor actor) {
        return GrantView.of(access.revoke(cases.read(number, actor), id, actor));
    }
}
