/** Public participation (Arts. 14-18): the consultation notice and its period, the hearing, the handling of opinions. */
package cn.majordecision.consultation;
