/*
 * The iommuc description language.
 *
 * One file holds `include` lines and one or more `iommu` descriptions. Words of the language are
 * soft keywords: anywhere a name is expected, a keyword may be used as a name (a field called
 * `valid` or `read`), so the keyword list never breaks a description taken from a datasheet.
 *
 * Words from a small closed set (fault kinds, cache contents, walker kinds, translation modes)
 * are plain names here and are validated by the model builder, which can say "unknown fault
 * kind 'tranlation'" instead of a bare syntax error. Access kinds are the one closed set the
 * lexer knows (token ACCESS), because a register declaration needs them to end its offset.
 *
 * Operator precedence is Rust's, not C's: `a & MASK == 0` means `(a & MASK) == 0`.
 */
grammar Iommu;

// ---------------------------------------------------------------------------------------------
// Structure

file
    : includeDecl* iommuDecl* EOF
    ;

includeDecl
    : INCLUDE STRING SEMI
    ;

iommuDecl
    : IOMMU name=ident (EXTENDS base=ident)? LBRACE item* RBRACE
    ;

item
    : compatibleItem
    | iovaItem
    | oaItem
    | apertureItem
    | mastersItem
    | constItem
    | powerItem
    | translationItem
    | bypassItem
    | bufferItem
    | optionItem
    | banksItem
    | registersBlock
    | formatDecl
    | walkBlock
    | cacheBlock
    | behaviourBlock
    | faultDecl
    | interruptDecl
    | sequenceDecl
    | obligationsBlock
    | removeItem
    ;

compatibleItem
    : COMPATIBLE STRING (COMMA STRING)* SEMI
    ;

iovaItem
    : IOVA expr SEMI
    ;

oaItem
    : OA expr (TABLES tableBits=expr)? SEMI
    ;

apertureItem
    : APERTURE first=expr DOTDOTEQ last=expr SEMI
    ;

mastersItem
    : MASTERS expr SEMI
    ;

constItem
    : CONST ident ASSIGN expr SEMI
    ;

powerItem
    : POWER LOSES (ALL | names) (EXCEPT except=names)? SEMI
    ;

translationItem
    : TRANSLATION kind=ident SEMI
    ;

bypassItem
    : BYPASS IF expr SEMI
    ;

bufferItem
    : BUFFER ident SIZE bytes=expr (ALIGN alignment=expr)? STRING? SEMI
    ;

optionItem
    : OPTION ident STRING SEMI
    ;

banksItem
    : BANKS STRING SEMI
    ;

names
    : ident (COMMA ident)*
    ;

// ---------------------------------------------------------------------------------------------
// Registers

registersBlock
    : REGISTERS (WIDTH expr)? LBRACE registerDecl* RBRACE
    ;

registerDecl
    : ident (LBRACK count=expr RBRACK)? offset=expr (STRIDE stride=expr)? access
      registerOption* STRING? registerBody
    ;

registerOption
    : WIDTH expr                 # registerWidth
    | RESET expr                 # registerReset
    | VIEW ident                 # registerView
    | CLEARS ident               # registerClears
    | ASSIGN expr                # registerValue
    ;

registerBody
    : LBRACE fieldDecl* RBRACE
    | enumBody SEMI?
    | SEMI
    ;

access
    : ACCESS
    ;

fieldDecl
    : ident bits access? (RESET expr)? STRING? (enumBody SEMI? | SEMI)
    ;

enumBody
    : ENUM LBRACE enumValue (COMMA enumValue)* COMMA? RBRACE
    ;

enumValue
    : ident ASSIGN expr STRING?
    ;

bits
    : high=NUMBER (COLON low=NUMBER)?
    ;

// ---------------------------------------------------------------------------------------------
// Entry formats

formatDecl
    : FORMAT ident (COLON entryType=ident)? LBRACE formatMember* RBRACE
    ;

formatMember
    // Keyword forms first: `reserved 11:9;` would also match an entry field named `reserved`,
    // and ANTLR resolves such an ambiguity in favour of the first alternative.
    : RESERVED bits (COMMA bits)* SEMI                                       # reservedBits
    | PROT protSet ARROW (assignment (COMMA assignment)*)? SEMI              # protRule
    | ALLOW direction (IF expr | ALWAYS) SEMI                                # allowRule
    | ident sliceMap (COMMA sliceMap)* UNMASKED? SEMI                       # addressField
    | ident bits (ASSIGN tag=expr)? (DEFAULT dflt=expr)? STRING?
      (enumBody SEMI? | SEMI)                                                # entryField
    ;

sliceMap
    : entryBits=bits ARROW addressBits=bits
    ;

protSet
    : NONE
    | direction (PIPE direction)?
    ;

direction
    : READ
    | WRITE
    ;

assignment
    : ident ASSIGN expr
    ;

// ---------------------------------------------------------------------------------------------
// The walk

walkBlock
    : WALK LBRACE walkMember* RBRACE
    ;

walkMember
    : ROOT expr SEMI                                                         # walkRoot
    | LEVEL ident INDEX levelIndex levelOption* COLON entryKind (PIPE entryKind)* SEMI  # walkLevel
    | EMPTY level=ident? FAULT (CLEAR field=ident)? SEMI                      # emptyFault
    | EMPTY level=ident ASSIGN expr SEMI                                     # emptyEntry
    | WALKER ident SEMI                                                      # walkWalker
    | SHARED ident sharedKind SEMI                                           # walkShared
    ;

levelIndex
    : IOVA bits
    | NUMBER
    ;

levelOption
    : SIZE expr                  # levelSize
    | ALIGN expr                 # levelAlign
    ;

entryKind
    : ident TABLE                                       # tableKind
    | ident LEAF size (CONTIGUOUS NUMBER)?              # leafKind
    ;

sharedKind
    : PAGE size
    | TABLE ident
    ;

size
    : SIZE_LITERAL
    | NUMBER
    ;

// ---------------------------------------------------------------------------------------------
// TLB and walk cache

cacheBlock
    : (TLB | WALKCACHE) LBRACE cacheMember* RBRACE
    ;

cacheMember
    : CACHES names SEMI          # cacheContents
    | LINE expr SEMI             # cacheLine
    | CAPACITY expr SEMI         # cacheCapacity
    | TAGGED names SEMI          # cacheTags
    ;

// ---------------------------------------------------------------------------------------------
// Hardware behaviour

behaviourBlock
    : BEHAVIOUR LBRACE ruleDecl* RBRACE
    ;

ruleDecl
    : ON direction regRef (compare=(EQ | NE) value=expr)? (IF guard=expr)? effectBlock
    ;

effectBlock
    : LBRACE effect* RBRACE
    ;

effect
    : TRANSLATION kind=ident SEMI                                            # translationEffect
    | STALL (ON | OFF) SEMI                                                  # stallEffect
    | INVALIDATE cache=(TLB | WALKCACHE) invalidateScope SEMI                # invalidateEffect
    | RESET SEMI                                                             # resetEffect
    | FAULT (RESUME | ABORT) SEMI                                            # faultEffect
    | STALL SEMI                                                             # stallAction
    | ABORT SEMI                                                             # abortAction
    | REDIRECT expr SEMI                                                     # redirectAction
    | regRef ASSIGN expr SEMI                                                # assignEffect
    | IF expr effectBlock (ELSE (effectBlock | elseIf=effect))?              # ifEffect
    ;

invalidateScope
    : ALL
    | ident LPAREN (expr (COMMA expr)*)? RPAREN
    ;

regRef
    : ident (LBRACK expr RBRACK)? (DOT ident)?
    ;

// ---------------------------------------------------------------------------------------------
// Faults and interrupts

faultDecl
    : FAULT names (AT levels=names)? (IF expr)? effectBlock
    ;

interruptDecl
    : INTERRUPT ident ASSIGN expr SEMI
    ;

// ---------------------------------------------------------------------------------------------
// Programming sequences (the driver side)

sequenceDecl
    : SEQUENCE ident (LPAREN names? RPAREN)? stepBlock
    ;

stepBlock
    : LBRACE step* RBRACE
    ;

step
    : WRITE regRef ASSIGN expr SEMI                                          # writeStep
    | MODIFY regRef ASSIGN expr SEMI                                         # modifyStep
    | POLL expr EVERY period=expr TIMEOUT timeout=expr (ELSE stepBlock | SEMI) # pollStep
    | EXPECT expr (ELSE FAIL STRING)? SEMI                                   # expectStep
    | LET ident ASSIGN expr SEMI                                             # letStep
    | CALL ident (LPAREN (expr (COMMA expr)*)? RPAREN)? (ELSE stepBlock | SEMI) # callStep
    | DELAY expr SEMI                                                        # delayStep
    | REPORT FAULT LPAREN (arg (COMMA arg)*)? RPAREN SEMI                    # reportStep
    | FAIL STRING? SEMI                                                      # failStep
    | RETURN SEMI                                                            # returnStep
    | SAVE names SEMI                                                        # saveStep
    | RESTORE names SEMI                                                     # restoreStep
    | IF expr stepBlock (ELSE (stepBlock | elseIf=step))?                    # ifStep
    | FOR ident IN BANKS stepBlock                                            # forBanksStep
    | FOR ident IN first=expr DOTDOTEQ last=expr (STEP by=expr)? stepBlock     # forStep
    ;

// ---------------------------------------------------------------------------------------------
// Invalidation obligations

obligationsBlock
    : OBLIGATIONS LBRACE obligation* RBRACE
    ;

obligation
    : event=ident (level=ident)? COLON (NONE | obligationCall (COMMA obligationCall)*) SEMI
    ;

obligationCall
    : ident (LPAREN (expr (COMMA expr)*)? RPAREN)?
    ;

// ---------------------------------------------------------------------------------------------
// Removal of inherited items (in a description that `extends` another)

removeItem
    : REMOVE removeKind path? SEMI
    ;

removeKind
    : REGISTER | FORMAT | LEVEL | SEQUENCE | RULE | FAULT | CONST | OBLIGATION | INTERRUPT
    | SHARED | EMPTY | WALKCACHE | BUFFER | OPTION | BANKS | BYPASS
    ;

path
    : ident (DOT ident)*
    ;

// ---------------------------------------------------------------------------------------------
// Expressions (precedence from loose to tight follows the order of alternatives, reversed)

expr
    : primary                                                    # primaryExpr
    | expr DOT ident                                             # memberExpr
    | expr DOT ident LPAREN (arg (COMMA arg)*)? RPAREN            # methodExpr
    | expr LBRACK expr RBRACK                                    # indexExpr
    | op=(NOT | TILDE | MINUS) expr                              # unaryExpr
    | expr op=(STAR | SLASH | PERCENT) expr                      # binaryExpr
    | expr op=(PLUS | MINUS) expr                                # binaryExpr
    | expr op=(SHL | SHR) expr                                   # binaryExpr
    | expr op=AMP expr                                           # binaryExpr
    | expr op=CARET expr                                         # binaryExpr
    | expr op=PIPE expr                                          # binaryExpr
    | expr op=(LT | LE | GT | GE | EQ | NE) expr                 # binaryExpr
    | expr op=ANDAND expr                                        # binaryExpr
    | expr op=OROR expr                                          # binaryExpr
    | <assoc=right> expr QUESTION expr COLON expr                # conditionalExpr
    ;

primary
    : NUMBER                                                     # numberLiteral
    | SIZE_LITERAL                                               # sizeLiteral
    | TIME_LITERAL                                               # timeLiteral
    | ident LPAREN (arg (COMMA arg)*)? RPAREN                    # callExpr
    | ident                                                      # nameExpr
    | LPAREN expr RPAREN                                         # parenExpr
    ;

arg
    : (ident ASSIGN)? expr
    ;

// Every keyword can also be a name.
ident
    : IDENT | ACCESS
    | INCLUDE | IOMMU | EXTENDS | COMPATIBLE | IOVA | OA | TABLES | APERTURE | MASTERS | CONST
    | POWER | LOSES | ALL | EXCEPT | REGISTERS | WIDTH | STRIDE | RESET | VIEW | CLEARS | ENUM
    | FORMAT | RESERVED | DEFAULT | PROT | NONE | READ | WRITE | ALLOW | IF | ALWAYS | WALK | ROOT
    | LEVEL | INDEX | SIZE | ALIGN | EMPTY | FAULT | CLEAR | WALKER | SHARED | TABLE | LEAF
    | CONTIGUOUS | PAGE | TLB | WALKCACHE | CACHES | LINE | CAPACITY | TAGGED | BEHAVIOUR | ON
    | OFF | TRANSLATION | STALL | INVALIDATE | RESUME | ABORT | ELSE | AT | INTERRUPT | SEQUENCE
    | MODIFY | POLL | EVERY | TIMEOUT | EXPECT | FAIL | LET | CALL | DELAY | REPORT | OBLIGATIONS
    | REMOVE | REGISTER | RULE | OBLIGATION | RETURN | BUFFER | UNMASKED | SAVE | RESTORE
    | FOR | IN | STEP | OPTION | BANKS | BYPASS | REDIRECT
    ;

// ---------------------------------------------------------------------------------------------
// Lexer

INCLUDE     : 'include';
IOMMU       : 'iommu';
EXTENDS     : 'extends';
COMPATIBLE  : 'compatible';
IOVA        : 'iova';
OA          : 'oa';
TABLES      : 'tables';
APERTURE    : 'aperture';
MASTERS     : 'masters';
CONST       : 'const';
POWER       : 'power';
LOSES       : 'loses';
ALL         : 'all';
EXCEPT      : 'except';
REGISTERS   : 'registers';
WIDTH       : 'width';
STRIDE      : 'stride';
RESET       : 'reset';
VIEW        : 'view';
CLEARS      : 'clears';
ENUM        : 'enum';
FORMAT      : 'format';
RESERVED    : 'reserved';
DEFAULT     : 'default';
PROT        : 'prot';
NONE        : 'none';
READ        : 'read';
WRITE       : 'write';
ALLOW       : 'allow';
IF          : 'if';
ALWAYS      : 'always';
WALK        : 'walk';
ROOT        : 'root';
LEVEL       : 'level';
INDEX       : 'index';
SIZE        : 'size';
ALIGN       : 'align';
EMPTY       : 'empty';
FAULT       : 'fault';
CLEAR       : 'clear';
WALKER      : 'walker';
SHARED      : 'shared';
TABLE       : 'table';
LEAF        : 'leaf';
CONTIGUOUS  : 'contiguous';
PAGE        : 'page';
TLB         : 'tlb';
WALKCACHE   : 'walkcache';
CACHES      : 'caches';
LINE        : 'line';
CAPACITY    : 'capacity';
TAGGED      : 'tagged';
BEHAVIOUR   : 'behaviour';
ON          : 'on';
OFF         : 'off';
TRANSLATION : 'translation';
STALL       : 'stall';
INVALIDATE  : 'invalidate';
RESUME      : 'resume';
ABORT       : 'abort';
REDIRECT    : 'redirect';
ELSE        : 'else';
AT          : 'at';
INTERRUPT   : 'interrupt';
SEQUENCE    : 'sequence';
MODIFY      : 'modify';
POLL        : 'poll';
EVERY       : 'every';
TIMEOUT     : 'timeout';
EXPECT      : 'expect';
FAIL        : 'fail';
LET         : 'let';
CALL        : 'call';
DELAY       : 'delay';
REPORT      : 'report';
OBLIGATIONS : 'obligations';
REMOVE      : 'remove';
REGISTER    : 'register';
RULE        : 'rule';
OBLIGATION  : 'obligation';
RETURN      : 'return';
BUFFER      : 'buffer';
UNMASKED    : 'unmasked';
SAVE        : 'save';
RESTORE     : 'restore';
FOR         : 'for';
IN          : 'in';
STEP        : 'step';
OPTION      : 'option';
BANKS       : 'banks';
BYPASS      : 'bypass';

ACCESS      : 'ro' | 'rw' | 'wo' | 'w1c' | 'rc' | 'sc';

LBRACE   : '{';
RBRACE   : '}';
LPAREN   : '(';
RPAREN   : ')';
LBRACK   : '[';
RBRACK   : ']';
SEMI     : ';';
COMMA    : ',';
DOTDOTEQ : '..=';
DOT      : '.';
COLON    : ':';
ARROW    : '->';
QUESTION : '?';
ASSIGN   : '=';
EQ       : '==';
NE       : '!=';
LE       : '<=';
GE       : '>=';
LT       : '<';
GT       : '>';
SHL      : '<<';
SHR      : '>>';
ANDAND   : '&&';
OROR     : '||';
AMP      : '&';
PIPE     : '|';
CARET    : '^';
TILDE    : '~';
NOT      : '!';
PLUS     : '+';
MINUS    : '-';
STAR     : '*';
SLASH    : '/';
PERCENT  : '%';

TIME_LITERAL : DEC ('ns' | 'us' | 'ms' | 's');
SIZE_LITERAL : DEC ('K' | 'M' | 'G' | 'T');
NUMBER
    : '0' [xX] HEX_DIGIT (HEX_DIGIT | '_')*
    | '0' [bB] [01] ([01] | '_')*
    | DEC
    ;

IDENT  : [a-zA-Z_] [a-zA-Z0-9_]*;
STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"';

DOC           : '///' (~[/\r\n] ~[\r\n]*)? -> channel(2);
LINE_COMMENT  : '//' ~[\r\n]* -> channel(3);
BLOCK_COMMENT : '/*' .*? '*/' -> channel(3);
WS            : [ \t\r\n\f]+ -> skip;

UNTERMINATED_STRING  : '"' (~["\\\r\n] | '\\' ~[\r\n])*;
UNTERMINATED_COMMENT : '/*' (~[*] | '*'+ ~[*/])* '*'* EOF;
ERROR_CHAR           : .;

fragment DEC       : [0-9] ([0-9] | '_')*;
fragment HEX_DIGIT : [0-9a-fA-F];
