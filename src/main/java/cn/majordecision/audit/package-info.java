/** The tamper-evident audit trail: listens to everything, nothing depends on it. */
package cn.majordecision.audit;
