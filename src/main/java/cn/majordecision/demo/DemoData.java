package cn.majordecision.demo;

import cn.majordecision.catalog.DecisionCatalogs;
import cn.majordecision.catalog.ItemContent;
import cn.majordecision.cases.CaseFlags;
import cn.majordecision.cases.CaseQuery;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.DecisionCategory;
import cn.majordecision.cases.FileCaseCommand;
import cn.majordecision.cases.OpenTask;
import cn.majordecision.cases.ProposerType;
import cn.majordecision.consultation.PublicConsultations;
import cn.majordecision.consultation.PublicConsultations.OpinionInput;
import cn.majordecision.expertreview.ExpertPool;
import cn.majordecision.identity.UserDirectory;
import cn.majordecision.shared.Actor;
import cn.majordecision.worklist.WorklistService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * Loads one demo user per role and, on an empty database, this year's decision catalog (approved and published) and two
 * demo cases filed against its items: the seed example (a town road reconstruction) midway through public consultation
 * with a hearing, and a freshly filed case awaiting launch. An application runner on purpose: Spring Boot marks the
 * application ready (readiness probe UP) only after its runners have returned, so no one is sent here before the demo
 * users exist.
 */
@Component
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** id, name, unit, group. */
    static final List<List<String>> USERS = List.of(
            List.of("wangfang", "王芳", "镇规划建设办", "officers"),
            List.of("zhaolei", "赵磊", "镇规划建设办", "officers"),
            List.of("liqiang", "李强", "镇农业农村办", "officers"),
            List.of("zhangwei", "张伟", "镇人民政府", "heads"),
            List.of("chenming", "陈明", "县交通规划设计院", "experts"),
            List.of("liuyang", "刘洋", "省城市规划学会", "experts"),
            List.of("jixiang", "𠮷祥", "市工程咨询中心", "experts"),
            List.of("zhaomin", "赵敏", "高校土木工程学院", "experts"),
            List.of("zhoujing", "周静", "镇综治办", "risk-assessors"),
            List.of("sunli", "孙丽", "镇政府法律顾问", "legal-advisers"),
            List.of("wugang", "吴刚", "镇司法所", "legal-reviewers"),
            List.of("zhenghong", "郑红", "镇党政办", "meeting-secretaries"),
            List.of("fenglei", "冯磊", "镇党委", "party-committee"),
            List.of("hefang", "何芳", "镇档案室", "archivists"),
            List.of("xunuo", "许诺", "县审计局", "auditors"),
            List.of("admin", "系统管理员", "镇党政办", "admins"),
            List.of("ops", "流程引擎运维", "县大数据中心", "engine-operators"));

    /** Pool entries of the demo experts: id, discipline, affiliation, contact. */
    static final List<List<String>> EXPERTS = List.of(
            List.of("chenming", "道路交通", "县交通规划设计院", "0571-8800 1001"),
            List.of("liuyang", "城乡规划", "省城市规划学会", "0571-8800 1002"),
            List.of("jixiang", "工程造价", "市工程咨询中心", "0571-8800 1003"),
            List.of("zhaomin", "土木工程", "高校土木工程学院", "0571-8800 1004"));

    private final UserDirectory users;
    private final ExpertPool experts;
    private final CaseService cases;
    private final DecisionCatalogs catalogs;
    private final WorklistService worklist;
    private final PublicConsultations consultations;
    private final Clock clock;
    private final String password;
    private final boolean withCases;

    DemoData(UserDirectory users, ExpertPool experts, CaseService cases, DecisionCatalogs catalogs,
            WorklistService worklist, PublicConsultations consultations, Clock clock,
            @Value("${app.demo.password:demo}") String password, @Value("${app.demo.cases:true}") boolean withCases) {
        this.users = users;
        this.experts = experts;
        this.cases = cases;
        this.catalogs = catalogs;
        this.worklist = worklist;
        this.consultations = consultations;
        this.clock = clock;
        this.password = password;
        this.withCases = withCases;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (List<String> user : USERS) {
            users.register(user.get(0), user.get(1), user.get(2), user.get(0) + "@example.com", password,
                    Set.of(user.get(3)));
        }
        for (List<String> expert : EXPERTS) {
            experts.registerIfAbsent(expert.get(0), expert.get(1), expert.get(2), expert.get(3));
        }
        Actor officer = actor("wangfang");
        if (withCases && cases.search(new CaseQuery(null, null, null, null, null, null), Pageable.ofSize(1), officer)
                .isEmpty()) {
            List<String> items = catalog();
            roadReconstruction(officer, items.get(0));
            ruralEnvironment(items.get(1));
        }
    }

    /** This year's catalog: three items, approved by the party committee and published; returns the item numbers. */
    private List<String> catalog() {
        int year = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).getYear();
        catalogs.addItem(year, new ItemContent("银湖镇中心街道路改造工程", "镇规划建设办",
                "《中华人民共和国公路法》《农村公路建设管理办法》；镇第十四个五年规划纲要。",
                new CaseFlags(false, true, true, false, true, true, false, false), LocalDate.of(year, 12, 31)),
                actor("wangfang"));
        catalogs.addItem(year, new ItemContent("银湖镇农村人居环境整治三年行动方案", "镇农业农村办",
                "《农村人居环境整治提升五年行动方案（2021—2025年）》。", CaseFlags.DEFAULTS, LocalDate.of(year, 12, 31)),
                actor("liqiang"));
        var catalog = catalogs.addItem(year, new ItemContent("银湖镇集贸市场搬迁规划", "镇规划建设办",
                "《中华人民共和国城乡规划法》；县国土空间总体规划。",
                new CaseFlags(false, false, true, false, false, true, false, false), LocalDate.of(year, 12, 31)),
                actor("wangfang"));
        catalogs.approve(year, "镇党委%d年第2次会议".formatted(year), actor("fenglei"));
        catalogs.publish(year, actor("zhenghong"));
        log.info("Demo decision catalog {} with {} items is published", year, catalog.items().size());
        return catalog.items().stream().map(DecisionCatalogs.ItemView::number).toList();
    }

    private void roadReconstruction(Actor officer, String catalogItem) {
        DecisionCase road = cases.file(new FileCaseCommand("银湖镇中心街道路改造工程",
                DecisionCategory.CONSTRUCTION, ProposerType.DEPARTMENT, catalogItem, null, "镇规划建设办", "镇规划建设办",
                "中心街路面破损严重，雨季积水，影响群众出行和沿街商户经营。",
                "《中华人民共和国公路法》《农村公路建设管理办法》；镇第十四个五年规划纲要。",
                "对中心街1.8公里路段进行改造，新建雨污分流管网，改造期间分段施工、保留单侧通行。",
                "群众反映强烈，县交通局已列入年度补助计划，资金和技术方案可行。",
                null), officer); // the flags come from the catalog item
        complete(road, "zhangwei", Map.of("launchDecision", "launch", "undertakingUnit", "镇规划建设办",
                "leadUnit", "镇规划建设办", "flagsConfirmed", true));
        complete(road, "wangfang", Map.of(
                "draftText", "银湖镇中心街道路改造工程实施方案（征求意见稿）\n一、改造范围……\n二、施工组织……",
                "draftExplanation", "根据群众意见和县交通局补助计划起草，比选了整体封闭施工和分段施工两种方案。",
                "lawsReviewed", "《中华人民共和国公路法》《城镇排水与污水处理条例》"));
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        complete(road, "wangfang", Map.of(
                "channels", List.of("website", "noticeBoard"),
                "howToSubmit", "通过镇政府网站留言、信函寄送镇规划建设办，或到镇便民服务中心现场提交。",
                "periodStart", today.toString(),
                "periodEnd", today.plusDays(30).toString()));
        consultations.submit(road.getNumber(), new OpinionInput("沿街商户代表", "13800000000",
                "建议施工期间保留商铺门前的人行通道，夜间停止高噪声作业。"));
        consultations.submit(road.getNumber(), new OpinionInput(null, null, "希望同步改造路灯，增设无障碍坡道。"));
        log.info("Demo case {} is in public consultation with a hearing, with two opinions received",
                road.getNumber());
    }

    private void ruralEnvironment(String catalogItem) {
        DecisionCase rural = cases.file(new FileCaseCommand("银湖镇农村人居环境整治三年行动方案",
                DecisionCategory.PUBLIC_POLICY, ProposerType.LEADER, catalogItem, null, "镇农业农村办", null,
                "部分村庄生活垃圾和污水处理设施不足，村容村貌有待提升。",
                "《农村人居环境整治提升五年行动方案（2021—2025年）》。",
                "分三年推进垃圾分类、污水治理和厕所改造。",
                "上级有明确要求，镇财政和上级补助资金可以保障。",
                null), actor("liqiang"));
        log.info("Demo case {} awaits the launch decision", rural.getNumber());
    }

    private void complete(DecisionCase decisionCase, String userId, Map<String, Object> data) {
        Actor actor = actor(userId);
        OpenTask task = cases.detail(decisionCase.getNumber(), actor("wangfang")).openTasks().stream()
                .filter(t -> t.candidateGroups().stream().anyMatch(actor::isIn) || userId.equals(t.assignee()))
                .findFirst().orElseThrow(() -> new IllegalStateException("No demo task for " + userId));
        worklist.claim(task.id(), actor);
        worklist.complete(task.id(), actor, data);
    }

    private Actor actor(String userId) {
        return users.find(userId).orElseThrow();
    }
}
