package cn.majordecision.catalog.web;

import static cn.majordecision.shared.TextPatterns.NO_CONTROL;
import static cn.majordecision.shared.TextPatterns.NO_CONTROL_EXCEPT_NEWLINES;

import cn.majordecision.catalog.ChangeKind;
import cn.majordecision.catalog.DecisionCatalogs;
import cn.majordecision.catalog.DecisionCatalogs.CatalogView;
import cn.majordecision.catalog.DecisionCatalogs.ChangeProposal;
import cn.majordecision.catalog.DecisionCatalogs.ChangeRequestView;
import cn.majordecision.catalog.ItemContent;
import cn.majordecision.cases.CaseFlags;
import cn.majordecision.shared.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Officers draft the year's decision catalog and propose changes; the party committee approves both. */
@RestController
@Validated
@RequestMapping(path = "/api/catalogs/{year}", produces = "application/json")
class CatalogController {

    private final DecisionCatalogs catalogs;

    CatalogController(DecisionCatalogs catalogs) {
        this.catalogs = catalogs;
    }

    /** The content of an item: title, undertaking unit, legal and policy basis, procedures, planned completion. */
    record ItemRequest(
            @NotBlank(message = "请填写事项名称。") @Size(max = 200, message = "事项名称最多 200 个字。")
            @Pattern(regexp = NO_CONTROL, message = "事项名称含有不可见的控制字符。") String title,
            @NotBlank(message = "请填写承办单位。") @Size(max = 100, message = "承办单位最多 100 个字。")
            @Pattern(regexp = NO_CONTROL, message = "承办单位含有不可见的控制字符。") String undertakingUnit,
            @NotBlank(message = "请填写法律和政策依据。") @Size(max = 5000, message = "法律和政策依据最多 5000 个字。")
            @Pattern(regexp = NO_CONTROL_EXCEPT_NEWLINES, message = "法律和政策依据含有不可见的控制字符。") String legalBasis,
            @Valid ProceduresRequest procedures,
            @NotNull(message = "请填写计划完成时间。") LocalDate plannedCompletion) {

        ItemContent content() {
            return new ItemContent(title.strip(), undertakingUnit.strip(), legalBasis.strip(),
                    procedures == null ? CaseFlags.DEFAULTS : procedures.flags(), plannedCompletion);
        }
    }

    /**
     * Which statutory steps the item requires, as the eight case flags; a missing one is false, except expert review
     * and risk assessment, which a catalog item requires unless it says otherwise.
     */
    record ProceduresRequest(Boolean nonPublic, Boolean technical, Boolean stabilityRisk, Boolean priorRiskAssessment,
            Boolean hearing, Boolean marketActivity, Boolean congressApproval, Boolean exploratoryReform) {

        CaseFlags flags() {
            return new CaseFlags(on(nonPublic), !off(technical), !off(stabilityRisk), on(priorRiskAssessment),
                    on(hearing), on(marketActivity), on(congressApproval), on(exploratoryReform));
        }

        private static boolean on(Boolean flag) {
            return Boolean.TRUE.equals(flag);
        }

        private static boolean off(Boolean flag) {
            return Boolean.FALSE.equals(flag);
        }
    }

    record ApprovalRequest(
            @NotBlank(message = "请填写同意目录的党委会议（如“镇党委2026年第3次会议”）。") @Size(max = 200, message = "最多 200 个字。")
            @Pattern(regexp = NO_CONTROL, message = "含有不可见的控制字符。") String meeting) {
    }

    record PublicationRequest() {
    }

    record ChangeRequest(
            @NotNull(message = "请选择调整类型：ADD 增加事项，CHANGE 调整事项。") ChangeKind kind,
            @Size(max = 32, message = "事项编号最多 32 个字。")
            @Pattern(regexp = NO_CONTROL, message = "事项编号含有不可见的控制字符。") String itemNumber,
            @NotNull(message = "请填写事项内容。") @Valid ItemRequest item,
            @NotBlank(message = "请说明调整理由。") @Size(max = 2000, message = "调整理由最多 2000 个字。")
            @Pattern(regexp = NO_CONTROL_EXCEPT_NEWLINES, message = "调整理由含有不可见的控制字符。") String reason) {
    }

    record DecisionRequest(
            @NotNull(message = "请选择审定结果：APPROVED 同意，REJECTED 不同意。") Decision decision,
            @Size(max = 2000, message = "意见最多 2000 个字。")
            @Pattern(regexp = NO_CONTROL_EXCEPT_NEWLINES, message = "意见含有不可见的控制字符。") String opinion) {
    }

    enum Decision { APPROVED, REJECTED }

    @GetMapping
    CatalogView catalog(@PathVariable int year, Actor actor) {
        return catalogs.view(year, actor);
    }

    @PostMapping(path = "/items", consumes = "application/json")
    ResponseEntity<CatalogView> addItem(@PathVariable int year, @Valid @RequestBody ItemRequest request, Actor actor) {
        return ResponseEntity.created(URI.create("/api/catalogs/" + year))
                .body(catalogs.addItem(year, request.content(), actor));
    }

    @PutMapping(path = "/items/{itemNumber}", consumes = "application/json")
    CatalogView changeItem(@PathVariable int year, @PathVariable @Size(max = 32) String itemNumber,
            @Valid @RequestBody ItemRequest request, Actor actor) {
        return catalogs.changeItem(year, itemNumber, request.content(), actor);
    }

    @PostMapping(path = "/approval", consumes = "application/json")
    CatalogView approve(@PathVariable int year, @Valid @RequestBody ApprovalRequest request, Actor actor) {
        return catalogs.approve(year, request.meeting().strip(), actor);
    }

    @PostMapping("/publication")
    CatalogView publish(@PathVariable int year, @RequestBody(required = false) PublicationRequest request,
            Actor actor) {
        return catalogs.publish(year, actor);
    }

    @GetMapping("/change-requests")
    List<ChangeRequestView> changeRequests(@PathVariable int year, Actor actor) {
        return catalogs.changeRequests(year, actor);
    }

    @PostMapping(path = "/change-requests", consumes = "application/json")
    ResponseEntity<ChangeRequestView> propose(@PathVariable int year, @Valid @RequestBody ChangeRequest request,
            Actor actor) {
        ChangeRequestView proposed = catalogs.propose(year, new ChangeProposal(request.kind(), request.itemNumber(),
                request.item().content(), request.reason().strip()), actor);
        return ResponseEntity.created(URI.create("/api/catalogs/" + year + "/change-requests")).body(proposed);
    }

    @PostMapping(path = "/change-requests/{requestId}/approval", consumes = "application/json")
    ChangeRequestView decide(@PathVariable int year, @PathVariable long requestId,
            @Valid @RequestBody DecisionRequest request, Actor actor) {
        String opinion = request.opinion() == null || request.opinion().isBlank() ? null : request.opinion().strip();
        return catalogs.decide(year, requestId, request.decision() == Decision.APPROVED, opinion, actor);
    }
}
