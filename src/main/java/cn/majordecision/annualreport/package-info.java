/** The annual statistics of a government's decision-making, computed from the case records, for its rule-of-law report. */
package cn.majordecision.annualreport;
