package cn.majordecision.cases.web;

import static cn.majordecision.shared.TextPatterns.NO_CONTROL;
import static cn.majordecision.shared.TextPatterns.NO_CONTROL_EXCEPT_NEWLINES;

import cn.majordecision.cases.CaseQuery;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.CaseViews;
import cn.majordecision.cases.CaseStatus;
import cn.majordecision.cases.DecisionCategory;
import cn.majordecision.cases.FileCaseCommand;
import cn.majordecision.cases.ProposerType;
import cn.majordecision.cases.SkipBases;
import cn.majordecision.cases.SkipBasis;
import cn.majordecision.cases.SkipBasisCode;
import cn.majordecision.cases.Stage;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Officers file, search, read and withdraw cases. */
@RestController
@Validated
@RequestMapping(path = "/api/cases", produces = "application/json")
class CaseController {

    private final CaseService cases;

    CaseController(CaseService cases) {
        this.cases = cases;
    }

    /** The proposal an officer files (Arts. 10-11). */
    record FileCaseRequest(
            @NotBlank(message = "请填写决策事项名称。") @Size(max = 200, message = "名称最多 200 个字。")
            @Pattern(regexp = NO_CONTROL, message = "名称含有不可见的控制字符。") String title,
            @NotNull(message = "请选择决策事项类别。") DecisionCategory category,
            @NotNull(message = "请选择提出主体。") ProposerType proposerType,
            @Size(max = 100, message = "目录事项编号最多 100 个字。")
            @Pattern(regexp = NO_CONTROL, message = "目录事项编号含有不可见的控制字符。") String catalogItem,
            @Size(max = 1000, message = "目录外立项理由最多 1000 个字。")
            @Pattern(regexp = NO_CONTROL_EXCEPT_NEWLINES, message = "含有不可见的控制字符。") String outsideCatalogReason,
            @NotBlank(message = "请填写承办单位。") @Size(max = 100, message = "承办单位最多 100 个字。")
            @Pattern(regexp = NO_CONTROL, message = "承办单位含有不可见的控制字符。") String undertakingUnit,
            @Size(max = 100, message = "牵头单位最多 100 个字。")
            @Pattern(regexp = NO_CONTROL, message = "牵头单位含有不可见的控制字符。") String leadUnit,
            @NotBlank(message = "请说明拟解决的问题。") @Size(max = 20000, message = "最多 20000 个字。")
            @Pattern(regexp = NO_CONTROL_EXCEPT_NEWLINES, message = "含有不可见的控制字符。") String problem,
            @NotBlank(message = "请说明理由和依据。") @Size(max = 20000, message = "最多 20000 个字。")
            @Pattern(regexp = NO_CONTROL_EXCEPT_NEWLINES, message = "含有不可见的控制字符。") String reasonsAndBasis,
            @NotBlank(message = "请提出解决问题的初步方案。") @Size(max = 20000, message = "最多 20000 个字。")
            @Pattern(regexp = NO_CONTROL_EXCEPT_NEWLINES, message = "含有不可见的控制字符。") String initialPlan,
            @NotBlank(message = "请说明必要性和可行性。") @Size(max = 20000, message = "最多 20000 个字。")
            @Pattern(regexp = NO_CONTROL_EXCEPT_NEWLINES, message = "含有不可见的控制字符。") String necessityAndFeasibility,
            @Valid FlagsRequest flags,
            Map<String, @Valid SkipBasisRequest> skipBases) {

        FileCaseCommand command() {
            return new FileCaseCommand(title.strip(), category, proposerType, blankToNull(catalogItem),
                    blankToNull(outsideCatalogReason), undertakingUnit.strip(), blankToNull(leadUnit), problem,
                    reasonsAndBasis, initialPlan, necessityAndFeasibility, flags == null ? null : flags.given(),
                    SkipBasisRequest.bases(skipBases));
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /**
     * The eight case flags; a flag left out takes its default at filing (the catalog item's procedures, expert review
     * and risk assessment on) and keeps its value on revision.
     */
    record FlagsRequest(Boolean nonPublic, Boolean technical, Boolean stabilityRisk, Boolean priorRiskAssessment,
            Boolean hearing, Boolean marketActivity, Boolean congressApproval, Boolean exploratoryReform) {

        Map<String, Boolean> given() {
            Map<String, Boolean> given = new HashMap<>();
            given.put("nonPublic", nonPublic);
            given.put("technical", technical);
            given.put("stabilityRisk", stabilityRisk);
            given.put("priorRiskAssessment", priorRiskAssessment);
            given.put("hearing", hearing);
            given.put("marketActivity", marketActivity);
            given.put("congressApproval", congressApproval);
            given.put("exploratoryReform", exploratoryReform);
            return given;
        }
    }

    /** The basis of a flag that switches a stage off: a ground from the fixed list and the particulars. */
    record SkipBasisRequest(
            @Size(max = 40, message = "依据代码最多 40 个字。") String code,
            @Size(max = SkipBasis.MAX_TEXT, message = "依据说明最多 1000 个字。")
            @Pattern(regexp = NO_CONTROL_EXCEPT_NEWLINES, message = "依据说明含有不可见的控制字符。") String text) {

        /** The bases keyed by flag; an unknown ground is refused with the grounds of that flag. */
        static Map<String, SkipBasis> bases(Map<String, SkipBasisRequest> requests) {
            if (requests == null) {
                return Map.of();
            }
            Map<String, SkipBasis> bases = new LinkedHashMap<>();
            List<FieldViolation> unknown = new ArrayList<>();
            requests.forEach((flag, request) -> {
                if (request == null || request.code() == null || request.code().isBlank()) {
                    bases.put(flag, null);
                    return;
                }
                SkipBasisCode.find(request.code().strip()).ifPresentOrElse(
                        code -> bases.put(flag, new SkipBasis(code, request.text())),
                        () -> unknown.add(new FieldViolation("skipBases." + flag + ".code", "SKIP_BASIS_UNKNOWN",
                                "没有“" + request.code() + "”这一依据，请从" + SkipBases.choices(flag) + "中选择。")));
            });
            if (!unknown.isEmpty()) {
                throw DomainException.invalid(unknown);
            }
            return bases;
        }
    }

    record ReviseFlagsRequest(@NotNull(message = "请提供要修改的标记。") @Valid FlagsRequest flags,
            @NotBlank(message = "请说明修改标记的理由。") @Size(max = 2000, message = "理由最多 2000 个字。") String reason,
            Map<String, @Valid SkipBasisRequest> skipBases) {
    }

    record WithdrawRequest(
            @NotBlank(message = "请说明撤回理由。") @Size(max = 2000, message = "撤回理由最多 2000 个字。") String reason) {
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<CaseViews.FiledCase> file(@Valid @RequestBody FileCaseRequest request, Actor actor) {
        var filed = cases.file(request.command(), actor);
        return ResponseEntity.created(URI.create("/api/cases/" + filed.getNumber())).body(CaseViews.filed(filed));
    }

    @GetMapping
    CaseViews.CasePage search(
            @RequestParam(required = false) @Size(max = 32, message = "编号最多 32 个字。") String number,
            @RequestParam(required = false) @Size(max = 200, message = "名称最多 200 个字。") String title,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) Stage stage,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate filedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate filedTo,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负数。")
            @Max(value = 100_000, message = "页码最大为 100000。") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "每页至少 1 条。")
            @Max(value = 100, message = "每页最多 100 条。") int size,
            Actor actor) {
        var result = cases.search(new CaseQuery(number, title, status, stage, filedFrom, filedTo),
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "filedAt", "id")), actor);
        return CaseViews.page(result);
    }

    @GetMapping("/{number}")
    CaseViews.CaseDetailView detail(@PathVariable @Size(max = 32) String number, Actor actor) {
        return CaseViews.detail(cases.detail(number, actor));
    }

    @PutMapping(path = "/{number}/flags", consumes = "application/json")
    CaseViews.FiledCase reviseFlags(@PathVariable @Size(max = 32) String number,
            @Valid @RequestBody ReviseFlagsRequest request, Actor actor) {
        return CaseViews.filed(cases.reviseFlags(number, request.flags().given(), request.reason().strip(),
                SkipBasisRequest.bases(request.skipBases()), actor));
    }

    @PostMapping(path = "/{number}/withdrawal", consumes = "application/json")
    CaseViews.CaseSummary withdraw(@PathVariable @Size(max = 32) String number,
            @Valid @RequestBody WithdrawRequest request, Actor actor) {
        return CaseViews.summary(cases.withdraw(number, request.reason().strip(), actor));
    }
}
