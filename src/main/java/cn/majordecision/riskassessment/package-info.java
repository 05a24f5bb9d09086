/** Social stability risk assessment (Arts. 22-24): the risk report and the adjusted draft a reassessment needs. */
package cn.majordecision.riskassessment;
