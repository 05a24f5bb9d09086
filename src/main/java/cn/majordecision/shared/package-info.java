/** Types every module may use: the domain exception with its stable error code and field violations. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.majordecision.shared;
