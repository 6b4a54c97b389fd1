/// A small tenant with routing, as its exports read. The auto attendant record follows the
/// documented Get-CsAutoAttendant output (Id, Name, DefaultCallFlow, CallFlows,
/// CallHandlingAssociations, ApplicationInstances) and Set-CsAutoAttendant's examples (call flow Id
/// and Menu; association Type AfterHours, CallFlowId); menu options New-CsAutoAttendantMenuOption's
/// (Action TransferCallToTarget, DtmfResponse Automatic, CallTarget {Id, Type}).
/// https://learn.microsoft.com/powershell/module/microsoftteams/get-csautoattendant
/// https://learn.microsoft.com/powershell/module/microsoftteams/set-csautoattendant
/// The call queue uses Set-CsCallQueue's parameter names (Get-CsCallQueue documents no output).
/// https://learn.microsoft.com/powershell/module/microsoftteams/set-cscallqueue
public enum RoutingTenantExports {
    public static let anna = "e40ace22-ba85-5941-8435-25e1fd3447ea"
    public static let peter = "a3ee6844-b894-5e67-b985-5d97e1c5bd1f"
    public static let sofie = "c1b6c29b-ab46-50c3-9077-c95a5dff3f41"
    public static let bo = "0bf91387-0665-5f17-ae01-d99ae85faa6f"
    public static let aaAccount = "7d1684e4-1c28-538a-99a1-79b562887696"
    public static let cqAccount = "5644a36f-5591-52ee-abd8-5a487f3f690c"
    public static let aaID = "c2ee3e18-b738-5515-a97b-46be52dfc057"
    public static let cqID = "0c5e8a21-7f3d-5b94-8e16-2a9d4c7b3e58"
    public static let afterHoursFlow = "e68dfc2f-587b-42ee-98c7-b9c9ebd46fd1"
    public static let group = "3f1a9c52-6d0e-4b8a-9e41-0c7d2b5a8e10"

    public static let numbers = """
    [
      {"TelephoneNumber": "+4533121000", "NumberType": "OperatorConnect", "PstnAssignmentStatus": "VoiceApplicationAssigned",
       "AssignedPstnTargetId": "\(aaAccount)", "AssignmentCategory": "Primary", "ActivationState": "Activated",
       "IsoCountryCode": "DK", "Tag": []},
      {"TelephoneNumber": "+4533121001", "NumberType": "OperatorConnect", "PstnAssignmentStatus": "VoiceApplicationAssigned",
       "AssignedPstnTargetId": "\(cqAccount)", "AssignmentCategory": "Primary", "ActivationState": "Activated",
       "IsoCountryCode": "DK", "Tag": []},
      {"TelephoneNumber": "+4533121002", "NumberType": "OperatorConnect", "PstnAssignmentStatus": "UserAssigned",
       "AssignedPstnTargetId": "\(anna)", "AssignmentCategory": "Primary", "ActivationState": "Activated",
       "IsoCountryCode": "DK", "Tag": []}
    ]
    """

    public static let users = """
    [
      {"Identity": "\(anna)", "UserPrincipalName": "anna.jensen@contoso.com", "AccountEnabled": true, "AccountType": "User"},
      {"Identity": "\(peter)", "UserPrincipalName": "peter.holm@contoso.com", "AccountEnabled": true, "AccountType": "User"},
      {"Identity": "\(sofie)", "UserPrincipalName": "sofie.krogh@contoso.com", "AccountEnabled": true, "AccountType": "User"},
      {"Identity": "\(bo)", "UserPrincipalName": "bo.nielsen@contoso.com", "AccountEnabled": false, "AccountType": "User"}
    ]
    """

    public static let applicationInstances = """
    [
      {"ObjectId": "\(aaAccount)", "UserPrincipalName": "aa-main@contoso.com", "PhoneNumber": "tel:+4533121000",
       "ApplicationId": "ce933385-9390-45d1-9512-c8d228074e07"},
      {"ObjectId": "\(cqAccount)", "UserPrincipalName": "cq-reception@contoso.com", "PhoneNumber": "tel:+4533121001",
       "ApplicationId": "11cd3e2e-fccb-42ad-ad00-878b93575e07"}
    ]
    """

    public static func autoAttendants(businessHours: String = #"{"Id": "5644a36f-5591-52ee-abd8-5a487f3f690c", "Type": "ApplicationEndpoint"}"#,
                               afterHours: String = #"{"Id": "tel:+4570221500", "Type": "ExternalPstn"}"#) -> String {
        """
        [
          {
            "Id": "\(aaID)",
            "TenantId": "977c9d5b-2dae-5d82-aada-628bc1c14213",
            "Name": "Main Auto Attendant",
            "LanguageId": "en-US",
            "DefaultCallFlow": {
              "Id": "9a2b9c1e-0d4f-4b3a-8e5c-6f7a8b9c0d1e", "Name": "Default Call Flow", "Greetings": [],
              "Menu": {"Name": "Default Menu", "MenuOptions": [
                {"Action": "TransferCallToTarget", "DtmfResponse": "Automatic", "CallTarget": \(businessHours)}
              ]}
            },
            "CallFlows": [
              {"Id": "\(afterHoursFlow)", "Name": "After hours", "Greetings": [],
               "Menu": {"Name": "After Hours Menu", "MenuOptions": [
                 {"Action": "TransferCallToTarget", "DtmfResponse": "Automatic", "CallTarget": \(afterHours)}
               ]}}
            ],
            "CallHandlingAssociations": [
              {"Type": "AfterHours", "ScheduleId": "c2f160ca-119d-55d8-818c-def2bcb85515", "CallFlowId": "\(afterHoursFlow)", "Enabled": true}
            ],
            "ApplicationInstances": ["\(aaAccount)"]
          }
        ]
        """
    }

    public static func callQueues(agents: [String] = [anna, peter], overflowAction: String = "Forward",
                           overflowTarget: String = #"{"Id": "e40ace22-ba85-5941-8435-25e1fd3447ea", "Type": "User"}"#,
                           timeoutAction: String = "SharedVoicemail",
                           timeoutTarget: String = #"{"Id": "3f1a9c52-6d0e-4b8a-9e41-0c7d2b5a8e10", "Type": "SharedVoicemail"}"#,
                           instances: [String] = [cqAccount]) -> String {
        let agentList = agents.map { #"{"ObjectId": "\#($0)", "OptIn": true}"# }.joined(separator: ", ")
        return """
        [
          {
            "Identity": "\(cqID)",
            "Name": "cq-reception",
            "RoutingMethod": "Attendant",
            "Agents": [\(agentList)],
            "OverflowThreshold": 10,
            "OverflowAction": "\(overflowAction)",
            "OverflowActionTarget": \(overflowTarget),
            "TimeoutThreshold": 120,
            "TimeoutAction": "\(timeoutAction)",
            "TimeoutActionTarget": \(timeoutTarget),
            "ApplicationInstances": [\(instances.map { "\"\($0)\"" }.joined(separator: ", "))]
          }
        ]
        """
    }

    public static let declaredNumbers = """
    ranges:
      - id: cph-hq
        block: +4533121000..+4533121099
        source: operator-connect
        country: DK
    numbers:
      - number: "+4533121000"
        status: assigned
        kind: auto-attendant
        assigned_to: aa-main@contoso.com
        owner: Front Office
        routing: aa-main
      - number: "+4533121001"
        status: assigned
        kind: call-queue
        assigned_to: cq-reception@contoso.com
        owner: Front Office
        routing: cq-reception
      - number: "+4533121002"
        status: assigned
        kind: user
        assigned_to: anna.jensen@contoso.com
        owner: anna.jensen@contoso.com

    """

    public static func routing(agents: String = "[anna.jensen@contoso.com, peter.holm@contoso.com]", overflow: String = "anna.jensen@contoso.com",
                        timeout: String = "voicemail:reception@contoso.com", businessHours: String = "cq-reception",
                        afterHours: String = "external:+4570221500") -> String {
        """
        routing:
          - id: aa-main
            type: auto-attendant
            resource_account: aa-main@contoso.com
            business_hours: \(businessHours)
            after_hours: \(afterHours)
          - id: cq-reception
            type: call-queue
            resource_account: cq-reception@contoso.com
            agents: \(agents)
            overflow: \(overflow)
            timeout: \(timeout)

        """
    }

}
