package cn.majordecision.expertreview;

import cn.majordecision.expertreview.ExpertReviewEvent.Kind;
import cn.majordecision.identity.UserDirectory;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expert pool that administrators keep: each entry a user account of the experts group (experts sign in to write
 * their opinions), with discipline, affiliation, contact and status. Officers and heads read it; contact is shown to
 * officers and administrators only.
 */
@Service
@Transactional
public class ExpertPool {

    static final String ACTIVE = "ACTIVE";
    static final String INACTIVE = "INACTIVE";
    private static final Set<String> READERS = Set.of("officers", "heads", "admins");
    private static final Set<String> CONTACT_READERS = Set.of("officers", "admins");

    private final ExpertRepository experts;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExpertPool(ExpertRepository experts, UserDirectory users, ApplicationEventPublisher events, Clock clock) {
        this.experts = experts;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** One pool entry; {@code contact} is null for readers who may not see it. */
    public record ExpertView(long id, String userId, String name, String discipline, String affiliation,
            String contact, String status) {
    }

    /** What an administrator enters; {@code userId} only when creating. */
    public record ExpertInput(String userId, String discipline, String affiliation, String contact, String status) {
    }

    @Transactional(readOnly = true)
    public List<ExpertView> list(Actor reader) {
        if (!reader.isInAny(READERS)) {
            throw DomainException.forbidden("ROLE_REQUIRED", "专家库仅供承办科室、行政首长和系统管理员查阅。");
        }
        boolean withContact = reader.isInAny(CONTACT_READERS);
        return experts.findAllByOrderById().stream().map(e -> view(e, withContact)).toList();
    }

    public ExpertView create(ExpertInput input, Actor admin) {
        requireAdmin(admin);
        List<FieldViolation> violations = new ArrayList<>();
        if (input.userId() == null || input.userId().isBlank()) {
            violations.add(new FieldViolation("userId", "REQUIRED", "请填写专家的系统账号。"));
        } else if (input.userId().length() > 64 || !users.isMember(input.userId(), "experts")) {
            violations.add(new FieldViolation("userId", "EXPERT_ACCOUNT_REQUIRED",
                    "“" + abbreviate(input.userId()) + "”不是“论证专家”岗位的系统账号，请先由管理员开设账号。"));
        }
        validate(input, violations);
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        if (experts.findByUserId(input.userId()).isPresent()) {
            throw DomainException.conflict("EXPERT_EXISTS", "账号 " + input.userId() + " 已在专家库中，请修改原条目。");
        }
        String name = users.find(input.userId()).map(Actor::displayName).orElse(input.userId());
        Expert expert = experts.save(new Expert(input.userId(), name, input.discipline().strip(),
                input.affiliation().strip(), blankToNull(input.contact()), admin.userId(), clock.instant()));
        if (INACTIVE.equals(input.status())) {
            expert.update(expert.getDiscipline(), expert.getAffiliation(), expert.getContact(), false, admin.userId(),
                    clock.instant());
        }
        publish("created", expert, admin);
        return view(expert, true);
    }

    public ExpertView update(long id, ExpertInput input, Actor admin) {
        requireAdmin(admin);
        List<FieldViolation> violations = new ArrayList<>();
        validate(input, violations);
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        Expert expert = experts.findById(id).orElseThrow(
                () -> DomainException.notFound("EXPERT_NOT_FOUND", "专家库中没有编号为 " + id + " 的专家。"));
        expert.update(input.discipline().strip(), input.affiliation().strip(), blankToNull(input.contact()),
                !INACTIVE.equals(input.status()), admin.userId(), clock.instant());
        publish("updated", expert, admin);
        return view(expert, true);
    }

    /** Adds a pool entry for an expert account unless it has one (demo data and first installation). */
    public void registerIfAbsent(String userId, String discipline, String affiliation, String contact) {
        if (experts.findByUserId(userId).isEmpty() && users.isMember(userId, "experts")) {
            String name = users.find(userId).map(Actor::displayName).orElse(userId);
            Expert expert = experts.save(new Expert(userId, name, discipline, affiliation, contact, "system",
                    clock.instant()));
            events.publishEvent(new ExpertReviewEvent(Kind.POOL_CHANGED, null, "system", payload("created", expert)));
        }
    }

    @Transactional(readOnly = true)
    public Optional<Expert> find(String userId) {
        return userId == null ? Optional.empty() : experts.findByUserId(userId);
    }

    @Transactional(readOnly = true)
    List<Expert> all() {
        return experts.findAllByOrderById();
    }

    private static void validate(ExpertInput input, List<FieldViolation> violations) {
        if (input.discipline() == null || input.discipline().isBlank()) {
            violations.add(new FieldViolation("discipline", "REQUIRED", "请填写专业领域。"));
        } else if (input.discipline().length() > 100) {
            violations.add(new FieldViolation("discipline", "TOO_LONG", "专业领域最多 100 个字。"));
        }
        if (input.affiliation() == null || input.affiliation().isBlank()) {
            violations.add(new FieldViolation("affiliation", "REQUIRED", "请填写工作单位。"));
        } else if (input.affiliation().length() > 200) {
            violations.add(new FieldViolation("affiliation", "TOO_LONG", "工作单位最多 200 个字。"));
        }
        if (input.contact() != null && input.contact().length() > 200) {
            violations.add(new FieldViolation("contact", "TOO_LONG", "联系方式最多 200 个字。"));
        }
        if (input.status() != null && !ACTIVE.equals(input.status()) && !INACTIVE.equals(input.status())) {
            violations.add(new FieldViolation("status", "INVALID_STATUS", "状态只能是 ACTIVE（在库）或 INACTIVE（停用）。"));
        }
    }

    private void publish(String change, Expert expert, Actor admin) {
        events.publishEvent(new ExpertReviewEvent(Kind.POOL_CHANGED, null, admin.userId(), payload(change, expert)));
    }

    private static Map<String, Object> payload(String change, Expert expert) {
        // the contact is personal data: the log says it is set, not what it is
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("change", change);
        payload.put("expertId", expert.getId());
        payload.put("userId", expert.getUserId());
        payload.put("discipline", expert.getDiscipline());
        payload.put("affiliation", expert.getAffiliation());
        payload.put("contactSet", expert.getContact() != null);
        payload.put("status", expert.isActive() ? ACTIVE : INACTIVE);
        return payload;
    }

    static ExpertView view(Expert e, boolean withContact) {
        return new ExpertView(e.getId(), e.getUserId(), e.getName(), e.getDiscipline(), e.getAffiliation(),
                withContact ? e.getContact() : null, e.isActive() ? ACTIVE : INACTIVE);
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isIn("admins")) {
            throw DomainException.forbidden("ADMIN_ONLY", "只有系统管理员可以维护专家库。");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String abbreviate(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
