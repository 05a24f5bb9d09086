/** The launch decision (Arts. 10-11): the head launches a case and confirms its undertaking and lead unit. */
package cn.majordecision.launch;
