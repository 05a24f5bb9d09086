package cn.majordecision.audit.web;

import static org.springframework.restdocs.mockmvc.MockMvcRestDocumentation.document;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.get;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.post;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessResponse;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.prettyPrint;
import static org.springframework.restdocs.payload.PayloadDocumentation.fieldWithPath;
import static org.springframework.restdocs.payload.PayloadDocumentation.relaxedResponseFields;
import static org.springframework.restdocs.payload.PayloadDocumentation.responseFields;
import static org.springframework.restdocs.payload.PayloadDocumentation.subsectionWithPath;
import static org.springframework.restdocs.request.RequestDocumentation.parameterWithName;
import static org.springframework.restdocs.request.RequestDocumentation.queryParameters;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.DocumentationSupport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.restdocs.AutoConfigureRestDocs;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.restdocs.payload.JsonFieldType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureRestDocs
@ActiveProfiles("test")
class AuditDocumentationTests {

    private static final String AUDITOR = "xunuo";
    private static final String PASSWORD = CaseDriver.PASSWORD;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    String number;

    @BeforeEach
    void setUp() throws Exception {
        number = new DocumentationSupport(mvc, json).fileCase(Map.of());
    }

    @Test
    void listsTheEntriesOfACase() throws Exception {
        mvc.perform(get("/api/audit/entries").param("caseNumber", number).with(httpBasic(AUDITOR, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.eventType == 'CASE_FILED')]").exists())
                .andDo(document("audit-entries", preprocessResponse(prettyPrint()),
                        queryParameters(
                                parameterWithName("caseNumber").optional().description("事项编号：只列该事项的条目"),
                                parameterWithName("from").optional().description("无事项编号时：起始序号，缺省 0"),
                                parameterWithName("limit").optional().description("无事项编号时：条数，1-500，缺省 100")),
                        responseFields(
                                fieldWithPath("[].sequence").description("序号，从 0 起连续不断，即默克尔树的叶子序号"),
                                fieldWithPath("[].caseId").optional().type(JsonFieldType.NUMBER).description("事项内部编号；登录失败等无事项时为 null"),
                                fieldWithPath("[].stage").optional().type(JsonFieldType.STRING).description("阶段"),
                                fieldWithPath("[].eventType").description("事件：CASE_FILED, TASK_CREATED, TASK_CLAIMED, TASK_UNCLAIMED, "
                                        + "TASK_COMPLETED, DRAFT_VERSION_ADDED, STAGE_SKIPPED, CASE_WITHDRAWN, CASE_CLOSED, LOGIN_FAILED"),
                                fieldWithPath("[].actor").optional().type(JsonFieldType.STRING).description("操作人（system 为系统）"),
                                fieldWithPath("[].role").optional().type(JsonFieldType.STRING).description("操作人当时的岗位（组），任务事件为候选组"),
                                fieldWithPath("[].recordedAt").description("时间，UTC，精确到微秒"),
                                subsectionWithPath("[].payload").description("事件内容；办结任务含提交内容的 SHA-256，新增草案、上传材料、"
                                        + "收到意见和更正记录含所写记录的 SHA-256；有事项的条目还含 caseEntry（该事项的第几条，从 1 起）"
                                        + "和 casePreviousLeaf（该事项上一条的叶子哈希，第一条为 null），据此可发现材料包缺条"),
                                fieldWithPath("[].leafHash").description("登记时的叶子哈希 SHA-256(0x00 || 条目规范字节)"))));
    }

    @Test
    void issuesASignedCheckpoint() throws Exception {
        mvc.perform(post("/api/audit/checkpoints").with(httpBasic(AUDITOR, PASSWORD)))
                .andExpect(status().isCreated())
                .andDo(document("audit-checkpoint-issue", preprocessResponse(prettyPrint()), checkpointFields()));
    }

    @Test
    void showsTheLatestCheckpoint() throws Exception {
        mvc.perform(post("/api/audit/checkpoints").with(httpBasic(AUDITOR, PASSWORD))).andExpect(status().isCreated());
        mvc.perform(get("/api/audit/checkpoints/latest").with(httpBasic(AUDITOR, PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("audit-checkpoint-latest", preprocessResponse(prettyPrint()), checkpointFields()));
    }

    @Test
    void provesAnEntryIsInTheTree() throws Exception {
        mvc.perform(get("/api/audit/proofs/inclusion").param("leafIndex", "0").param("treeSize", "2")
                        .with(httpBasic(AUDITOR, PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("audit-proof-inclusion", preprocessResponse(prettyPrint()),
                        queryParameters(
                                parameterWithName("leafIndex").description("条目序号"),
                                parameterWithName("treeSize").description("树的规模（条目数），不超过日志现有条数")),
                        responseFields(
                                fieldWithPath("leafIndex").description("条目序号"),
                                fieldWithPath("treeSize").description("树的规模"),
                                fieldWithPath("leafHash").description("该条目的叶子哈希"),
                                fieldWithPath("rootHash").description("该规模的树根；应与同规模的签名检查点一致"),
                                fieldWithPath("auditPath").description("审计路径（RFC 9162 第 2.1.3 节），自下而上"))));
    }

    @Test
    void provesTheOlderTreeIsAPrefixOfTheNewer() throws Exception {
        mvc.perform(get("/api/audit/proofs/consistency").param("from", "1").param("to", "2")
                        .with(httpBasic(AUDITOR, PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("audit-proof-consistency", preprocessResponse(prettyPrint()),
                        queryParameters(
                                parameterWithName("from").description("较早的树的规模，至少 1"),
                                parameterWithName("to").description("较新的树的规模，不超过日志现有条数")),
                        responseFields(
                                fieldWithPath("fromSize").description("较早的树的规模"),
                                fieldWithPath("toSize").description("较新的树的规模"),
                                fieldWithPath("fromRoot").description("较早的树根"),
                                fieldWithPath("toRoot").description("较新的树根"),
                                fieldWithPath("proof").description("一致性证明（RFC 9162 第 2.1.4 节）"))));
    }

    @Test
    void verifiesTheWholeLog() throws Exception {
        mvc.perform(post("/api/audit/checkpoints").with(httpBasic(AUDITOR, PASSWORD))).andExpect(status().isCreated());
        mvc.perform(get("/api/audit/verification").with(httpBasic(AUDITOR, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andDo(document("audit-verification", preprocessResponse(prettyPrint()),
                        responseFields(
                                fieldWithPath("ok").description("全部条目按内容重算无误，且与所有签名检查点一致"),
                                fieldWithPath("entries").description("校验通过的条目数"),
                                fieldWithPath("checkpointTreeSize").description("据以校验的最新检查点的规模（无检查点时为 0）"),
                                fieldWithPath("checkpointRootHash").optional().type(JsonFieldType.STRING).description("该检查点的树根"),
                                fieldWithPath("firstBadSequence").optional().type(JsonFieldType.NUMBER).description("第一条不可信条目的序号"),
                                fieldWithPath("reason").optional().type(JsonFieldType.STRING).description("不可信的原因（中文）"),
                                subsectionWithPath("tamperedRecords").description("与审计日志不符的业务记录（ADR 0021）："
                                        + "table（stage_record、draft_version、case_document、public_opinion、record_correction）、"
                                        + "id（行号；已删除且日志不以行号指称时为 -1）、ref（审计条目中指称它的编号）、caseId、"
                                        + "caseNumber、reason（中文原因）；有任何一条则 ok 为 false"))));
    }

    @Test
    void refusesAProofForATreeLargerThanTheLog() throws Exception {
        mvc.perform(get("/api/audit/proofs/inclusion").param("leafIndex", "0").param("treeSize", "999999")
                        .with(httpBasic(AUDITOR, PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_TREE_SIZE"))
                .andDo(document("audit-proof-invalid", preprocessResponse(prettyPrint()),
                        relaxedResponseFields(fieldWithPath("code").description("稳定的错误代码"),
                                fieldWithPath("detail").description("中文说明"))));
    }

    @Test
    void publishesTheCheckpointsToAnyone() throws Exception {
        mvc.perform(post("/api/audit/checkpoints").with(httpBasic(AUDITOR, PASSWORD))).andExpect(status().isCreated());
        mvc.perform(get("/api/public/audit/checkpoints").param("page", "0").param("size", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checkpoints[0].signature").exists())
                .andDo(document("audit-checkpoint-feed", preprocessResponse(prettyPrint()),
                        queryParameters(
                                parameterWithName("page").optional().description("页码，从 0 起，缺省 0；0 为最新的一页"),
                                parameterWithName("size").optional().description("每页检查点数，1-100，缺省 20")),
                        responseFields(
                                fieldWithPath("origin").description("日志名称，签名内容的第一行：major-decision/audit-log"),
                                fieldWithPath("publicKey").description("本系统的验签公钥，X.509 DER 的 Base64；请与本级政府公布的公钥核对"),
                                fieldWithPath("page").description("页码"),
                                fieldWithPath("size").description("每页检查点数"),
                                fieldWithPath("more").description("是否还有更早的一页"),
                                fieldWithPath("checkpoints[].treeSize").description("签名时日志的条目数；新的在前"),
                                fieldWithPath("checkpoints[].rootHash").description("该规模的默克尔树根（十六进制）"),
                                fieldWithPath("checkpoints[].issuedAt").description("签发时间，UTC"),
                                fieldWithPath("checkpoints[].signature").description("Ed25519 签名（Base64），签名内容同“签发检查点”"),
                                fieldWithPath("checkpoints[].publicKey").description("验签公钥"))));
    }

    private static org.springframework.restdocs.payload.ResponseFieldsSnippet checkpointFields() {
        return responseFields(
                fieldWithPath("treeSize").description("签名时日志的条目数"),
                fieldWithPath("rootHash").description("该规模的默克尔树根（十六进制）"),
                fieldWithPath("issuedAt").description("签发时间，UTC"),
                fieldWithPath("signature").description("Ed25519 签名（Base64），签名内容为：" + "major-decision/audit-log、"
                        + "条目数、树根、签发时间，各占一行，以换行结尾"),
                fieldWithPath("publicKey").description("验签公钥，X.509 DER 的 Base64"));
    }
}
