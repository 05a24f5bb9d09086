/** Legality review (Arts. 25-28): the findings, the conclusion, and the clearance the meeting requires. */
package cn.majordecision.legalityreview;
