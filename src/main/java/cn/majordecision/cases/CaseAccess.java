package cn.majordecision.cases;

import cn.majordecision.cases.CaseEvents.AccessChanged;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may see and act on which case. The town's own offices and oversight (heads, the party and government office,
 * the justice office, the party committee, the archive, auditors, administrators) read every case of the government.
 * Officers read and act on the cases of their own unit (the undertaking or lead unit); another unit's officers read a
 * case only while a head's grant lets them, and never act on it. To anybody else a case they may not see does not
 * exist: the answer is the same as for an unknown number.
 */
@Service
@Transactional
public class CaseAccess {

    private static final Set<String> GOVERNMENT_WIDE = Set.of("heads", "auditors", "admins", "meeting-secretaries",
            "legal-reviewers", "party-committee", "archivists");
    private static final int MAX_REASON = 500;

    private final CaseAccessGrantRepository grants;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseAccess(CaseAccessGrantRepository grants, ApplicationEventPublisher events, Clock clock) {
        this.grants = grants;
        this.events = events;
        this.clock = clock;
    }

    public boolean readsEverything(Actor actor) {
        return actor.isInAny(GOVERNMENT_WIDE);
    }

    /** Whether the actor is an officer of the case's undertaking or lead unit. */
    public boolean isOwnUnit(DecisionCase decisionCase, Actor actor) {
        return actor.isIn("officers") && actor.unit() != null
                && (actor.unit().equals(decisionCase.getUndertakingUnit()) || actor.unit().equals(decisionCase.getLeadUnit()));
    }

    @Transactional(readOnly = true)
    public boolean mayRead(DecisionCase decisionCase, Actor actor) {
        return readsEverything(actor) || isOwnUnit(decisionCase, actor) || (actor.isIn("officers")
                && grants.existsByCaseIdAndUnitAndRevokedAtIsNull(decisionCase.getId(), actor.unit()));
    }

    /** The cases the actor may read, as a query condition. */
    Specification<DecisionCase> visibleTo(Actor actor) {
        return (root, query, cb) -> {
            if (readsEverything(actor)) {
                return cb.conjunction();
            }
            if (!actor.isIn("officers") || actor.unit() == null) {
                return cb.disjunction();
            }
            Subquery<Long> granted = query.subquery(Long.class);
            var grant = granted.from(CaseAccessGrant.class);
            granted.select(grant.get("caseId")).where(cb.equal(grant.get("unit"), actor.unit()),
                    cb.isNull(grant.get("revokedAt")));
            Predicate own = cb.or(cb.equal(root.get("undertakingUnit"), actor.unit()),
                    cb.equal(root.get("leadUnit"), actor.unit()));
            return cb.or(own, root.get("id").in(granted));
        };
    }

    @Transactional(readOnly = true)
    public List<CaseAccessGrant> grants(DecisionCase decisionCase) {
        return grants.findByCaseIdOrderById(decisionCase.getId());
    }

    public CaseAccessGrant grant(DecisionCase decisionCase, String unit, String reason, Actor head) {
        requireHead(head);
        String target = unit == null ? "" : unit.strip();
        if (target.isEmpty() || target.length() > 100) {
            throw DomainException.invalid(List.of(new FieldViolation("unit", "REQUIRED", "请填写获准查阅的单位名称（不超过 100 个字）。")));
        }
        String why = requireReason(reason);
        if (target.equals(decisionCase.getUndertakingUnit()) || target.equals(decisionCase.getLeadUnit())) {
            throw DomainException.conflict("UNIT_ALREADY_OWNER", "该单位是本事项的承办或牵头单位，本来就可以查阅。");
        }
        if (grants.existsByCaseIdAndUnitAndRevokedAtIsNull(decisionCase.getId(), target)) {
            throw DomainException.conflict("ACCESS_ALREADY_GRANTED", "该单位已获准查阅本事项。");
        }
        CaseAccessGrant grant = grants.save(new CaseAccessGrant(decisionCase.getId(), target, why, head.userId(), clock.instant()));
        events.publishEvent(new AccessChanged(decisionCase.getId(), target, true, why, head.userId()));
        return grant;
    }

    public CaseAccessGrant revoke(DecisionCase decisionCase, Long grantId, Actor head) {
        requireHead(head);
        CaseAccessGrant grant = grants.findByIdAndCaseId(grantId, decisionCase.getId())
                .orElseThrow(() -> DomainException.notFound("GRANT_NOT_FOUND", "未找到该查阅授权。"));
        if (!grant.isActive()) {
            throw DomainException.conflict("GRANT_ALREADY_REVOKED", "该查阅授权已经撤销。");
        }
        grant.revoke(head.userId(), clock.instant());
        events.publishEvent(new AccessChanged(decisionCase.getId(), grant.getUnit(), false, grant.getReason(), head.userId()));
        return grant;
    }

    private static void requireHead(Actor actor) {
        if (!actor.isIn("heads")) {
            throw DomainException.forbidden("ROLE_REQUIRED", "只有行政首长可以授权其他单位查阅决策事项。");
        }
    }

    private static String requireReason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw DomainException.invalid(List.of(new FieldViolation("reason", "REQUIRED", "请说明授权理由（不超过 500 个字）。")));
        }
        return why;
    }
}
