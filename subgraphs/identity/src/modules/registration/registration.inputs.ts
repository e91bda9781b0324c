import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { SmsPurpose } from "../sms-code/sms-challenge.entity.js";

export enum CandidateType {
  IN_SCHOOL = "IN_SCHOOL",
  SOCIAL = "SOCIAL",
}

registerEnumType(CandidateType, { name: "CandidateType", description: "考生类别：在校生 / 社会考生" });

@InputType()
export class RequestSmsCodeInput {
  @Field(() => String)
  mobile!: string;

  @Field(() => SmsPurpose)
  purpose!: SmsPurpose;
}

@ObjectType({ description: "验证码已发送" })
export class SmsCodeTicket {
  @Field(() => String)
  mobile!: string;

  @Field(() => Date, { description: "验证码失效时间" })
  expiresAt!: Date;

  @Field(() => Date, { description: "可以重新获取验证码的时间" })
  resendAvailableAt!: Date;
}

@InputType()
export class RegisterCandidateInput {
  @Field(() => String, { description: "用户名：字母开头，4–32 位字母、数字或下划线" })
  username!: string;

  @Field(() => String)
  password!: string;

  @Field(() => String, { description: "姓名" })
  displayName!: string;

  @Field(() => CandidateType)
  candidateType!: CandidateType;

  @Field(() => ID, { description: "户籍所在旗县（市、区）的组织编号" })
  householdCountyId!: string;

  @Field(() => String)
  mobile!: string;

  @Field(() => String, { description: "发送到该手机号的 6 位验证码" })
  smsCode!: string;
}
