package cn.majordecision.identity;

import java.util.LinkedHashMap;
import java.util.Map;

/** The groups of the pipeline design, with their Chinese names. */
public final class Groups {

    public static final Map<String, String> ALL;

    static {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("officers", "承办科室经办人");
        groups.put("heads", "镇长 / 行政首长");
        groups.put("experts", "论证专家");
        groups.put("risk-assessors", "风险评估单位");
        groups.put("legal-advisers", "法律顾问 / 公职律师");
        groups.put("legal-reviewers", "司法所（合法性审查机构）");
        groups.put("meeting-secretaries", "党政办");
        groups.put("party-committee", "镇党委（秘书）");
        groups.put("archivists", "档案员");
        groups.put("auditors", "审计 / 纪检 / 司法局");
        groups.put("admins", "系统管理员");
        // technical operators of the process engine (retry failed jobs, repair instances); no business rights
        groups.put("engine-operators", "流程引擎运维");
        ALL = java.util.Collections.unmodifiableMap(groups); // in the order of the pipeline
    }

    private Groups() {
    }
}
