/** The statutory working-day calendar and the one place where periods and deadlines are counted. */
package cn.majordecision.calendar;
