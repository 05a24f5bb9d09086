package cn.majordecision.expertreview;

import cn.majordecision.cases.CaseAccess;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.expertreview.ExpertReviewEvent.Kind;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import cn.majordecision.shared.ProcedurePolicy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An optional random draw of experts for a case from the qualifying experts of the pool. The draw stores the ordered
 * candidates, the rule and the seed, so that anyone can re-run it (see {@link DrawAlgorithm}). Nobody with a stake in
 * the result chooses the seed: it comes from the server's secure random source, and its SHA-256 is committed to the
 * audit log before the candidate list is built; the seed itself is revealed with the result, so anyone can check that
 * it hashes to the commitment and re-run the draw.
 */
@Service
@Transactional
public class ExpertDraws {

    private static final SecureRandom SEEDS = new SecureRandom();

    private final CaseService cases;
    private final CaseAccess access;
    private final ExpertPool pool;
    private final ExpertEligibility eligibility;
    private final ExpertDrawRepository draws;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int minimumExperts;

    ExpertDraws(CaseService cases, CaseAccess access, ExpertPool pool, ExpertEligibility eligibility,
            ExpertDrawRepository draws, ApplicationEventPublisher events, Clock clock,
            ProcedurePolicy policy) {
        this.cases = cases;
        this.access = access;
        this.pool = pool;
        this.eligibility = eligibility;
        this.draws = draws;
        this.events = events;
        this.clock = clock;
        this.minimumExperts = policy.minimumExperts();
    }

    public record DrawRequest(Integer count, String discipline, String seed) {
    }

    /** One candidate or drawn expert: pool id, account and name. */
    public record Candidate(long expertId, String userId, String name) {
    }

    public record DrawView(long id, String caseNumber, String discipline, int count, String seed, String seedHash,
            String rule,
            List<Candidate> candidates, List<Candidate> drawn, String drawnBy, Instant drawnAt) {
    }

    public DrawView draw(String number, DrawRequest request, Actor officer) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.count() == null || !ExpertSelectionRule.isValidCount(request.count(), minimumExperts)) {
            violations.add(new FieldViolation("count", "EXPERT_COUNT",
                    "抽取人数须为不少于 %d 人的单数。".formatted(minimumExperts)));
        }
        if (request.discipline() != null && request.discipline().length() > 100) {
            violations.add(new FieldViolation("discipline", "TOO_LONG", "专业领域最多 100 个字。"));
        }
        if (request.seed() != null) {
            violations.add(new FieldViolation("seed", "SEED_FROM_SERVER",
                    "抽取种子由系统随机生成并事先锁定其摘要，不能由申请人指定；请去掉“seed”后重新抽取。"));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        DecisionCase decisionCase = ownCase(number, officer);
        // the seed is fixed and its hash committed to the (hash-chained) audit log before the candidates are listed
        String seed = HexFormat.of().formatHex(randomBytes());
        String seedHash = sha256(seed);
        Map<String, Object> commitment = new LinkedHashMap<>();
        commitment.put("seedHash", seedHash);
        commitment.put("committedAt", clock.instant().toString());
        events.publishEvent(new ExpertReviewEvent(Kind.DRAW_SEED_COMMITTED, decisionCase.getId(), officer.userId(),
                commitment));
        String discipline = request.discipline() == null || request.discipline().isBlank() ? null
                : request.discipline().strip();
        List<Expert> candidates = pool.all().stream()
                .filter(Expert::isActive)
                .filter(e -> discipline == null || discipline.equals(e.getDiscipline()))
                .filter(e -> eligibility.unconflicted(e, decisionCase).isEmpty())
                .toList(); // ascending pool id
        if (candidates.size() < request.count()) {
            throw DomainException.conflict("DRAW_TOO_FEW_CANDIDATES", "符合条件的专家只有 %d 人，不足 %d 人，请放宽专业领域或补充专家库。"
                    .formatted(candidates.size(), request.count()));
        }
        List<Expert> drawn = DrawAlgorithm.draw(candidates, request.count(), seed);
        String rule = rule(discipline, decisionCase.getUndertakingUnit(), request.count());
        ExpertDraw stored = draws.save(new ExpertDraw(decisionCase.getId(), discipline, request.count(), seed, seedHash, rule,
                ids(candidates), ids(drawn), officer.userId(), clock.instant()));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("drawId", stored.getId());
        payload.put("seed", seed);
        payload.put("seedHash", seedHash);
        payload.put("candidates", candidates.stream().map(Expert::getUserId).toList());
        payload.put("drawn", drawn.stream().map(Expert::getUserId).toList());
        events.publishEvent(new ExpertReviewEvent(Kind.EXPERTS_DRAWN, decisionCase.getId(), officer.userId(), payload));
        return view(stored, decisionCase.getNumber());
    }

    @Transactional(readOnly = true)
    public List<DrawView> list(String number, Actor reader) {
        DecisionCase decisionCase = cases.read(number, reader);
        return draws.findByCaseIdOrderById(decisionCase.getId()).stream()
                .map(d -> view(d, decisionCase.getNumber())).toList();
    }

    /** The rule in words, stored with the draw. */
    static String rule(String discipline, String undertakingUnit, int count) {
        return ("候选专家：专家库中状态为在库%s、工作单位不是承办单位“%s”、未申报与本事项有利害关系的专家，按专家编号升序排列。"
                + "抽取 %d 人：第 i 次（i 从 0 起）计算 SHA-256（种子 + \":\" + i 的 UTF-8 编码），取前 8 个字节作为无符号大端整数，"
                + "除以剩余候选人数取余数，余数即被抽中专家在剩余候选（仍按编号升序，从 0 起）中的位置，抽中者移出候选。")
                .formatted(discipline == null ? "" : "、专业领域为“" + discipline + "”", undertakingUnit, count);
    }

    private DrawView view(ExpertDraw d, String caseNumber) {
        Map<String, Expert> byUser = pool.all().stream()
                .collect(Collectors.toMap(Expert::getUserId, Function.identity()));
        return new DrawView(d.getId(), caseNumber, d.getDiscipline(), d.getCount(), d.getSeed(), d.getSeedHash(),
                d.getRule(),
                candidates(d.getCandidates(), byUser), candidates(d.getDrawn(), byUser), d.getDrawnBy(), d.getDrawnAt());
    }

    private static List<Candidate> candidates(String ids, Map<String, Expert> byUser) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(ids.split(",")).map(id -> {
            Expert e = byUser.get(id);
            return new Candidate(e == null ? 0 : e.getId(), id, e == null ? id : e.getName());
        }).toList();
    }

    private DecisionCase ownCase(String number, Actor officer) {
        if (!officer.isIn("officers")) {
            throw DomainException.forbidden("ROLE_REQUIRED", "只有承办科室经办人可以抽取论证专家。");
        }
        DecisionCase decisionCase = cases.read(number, officer);
        if (!access.isOwnUnit(decisionCase, officer)) {
            throw DomainException.forbidden("UNIT_NOT_YOURS", "该事项由" + decisionCase.getUndertakingUnit()
                    + "承办，您所在单位只能查阅，不能办理。");
        }
        if (!decisionCase.isActive()) {
            throw DomainException.conflict("CASE_CLOSED", "事项已办结，不能再抽取专家。");
        }
        return decisionCase;
    }

    private static String ids(List<Expert> experts) {
        return experts.stream().map(Expert::getUserId).collect(Collectors.joining(","));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        SEEDS.nextBytes(bytes);
        return bytes;
    }

    /** The commitment: SHA-256 over the seed's UTF-8 bytes, lower-case hex. */
    static String sha256(String seed) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
