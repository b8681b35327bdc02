<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="terrain" tilewidth="32" tileheight="32" tilecount="467" columns="16">
 <properties>
  <property name="hd_image" type="file" value="terrain-hd.png"/>
 </properties>
 <image source="terrain.png" width="512" height="960"/>
 <tile id="0">
  <properties>
   <property name="any_turn" type="bool" value="true"/>
   <property name="kind" value="grass_a"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="1" probability="0.35">
  <properties>
   <property name="any_turn" type="bool" value="true"/>
   <property name="kind" value="grass_b"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="2" probability="0.25">
  <properties>
   <property name="any_turn" type="bool" value="true"/>
   <property name="kind" value="grass_c"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="kind" value="asphalt"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="any_turn" type="bool" value="true"/>
   <property name="kind" value="water_a"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="water"/>
  </properties>
 </tile>
 <tile id="5" probability="0.5">
  <properties>
   <property name="kind" value="water_b"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="water"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="kind" value="cobbles"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="kind" value="piazza"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="any_turn" type="bool" value="true"/>
   <property name="kind" value="gravel"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="gravel"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="any_turn" type="bool" value="true"/>
   <property name="kind" value="dirt"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="any_turn" type="bool" value="true"/>
   <property name="kind" value="sand"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="sand"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="kind" value="wheat"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="kind" value="ploughed"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="kind" value="vineyard_h"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="kind" value="vineyard_v"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="any_turn" type="bool" value="true"/>
   <property name="kind" value="meadow"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="kind" value="asphalt_0001"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="kind" value="asphalt_0010"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="kind" value="asphalt_0011"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="kind" value="asphalt_0100"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="20">
  <properties>
   <property name="kind" value="asphalt_0101"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="21">
  <properties>
   <property name="kind" value="asphalt_0110"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="22">
  <properties>
   <property name="kind" value="asphalt_0111"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="kind" value="asphalt_1000"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="kind" value="asphalt_1001"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="25">
  <properties>
   <property name="kind" value="asphalt_1010"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="kind" value="asphalt_1011"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="27">
  <properties>
   <property name="kind" value="asphalt_1100"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="28">
  <properties>
   <property name="kind" value="asphalt_1101"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="29">
  <properties>
   <property name="kind" value="asphalt_1110"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="30">
  <properties>
   <property name="kind" value="water_0001"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="31">
  <properties>
   <property name="kind" value="water_0010"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="32">
  <properties>
   <property name="kind" value="water_0011"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="33">
  <properties>
   <property name="kind" value="water_0100"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="34">
  <properties>
   <property name="kind" value="water_0101"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="35">
  <properties>
   <property name="kind" value="water_0110"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="36">
  <properties>
   <property name="kind" value="water_0111"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="water"/>
  </properties>
 </tile>
 <tile id="37">
  <properties>
   <property name="kind" value="water_1000"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="38">
  <properties>
   <property name="kind" value="water_1001"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="39">
  <properties>
   <property name="kind" value="water_1010"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="40">
  <properties>
   <property name="kind" value="water_1011"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="water"/>
  </properties>
 </tile>
 <tile id="41">
  <properties>
   <property name="kind" value="water_1100"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="42">
  <properties>
   <property name="kind" value="water_1101"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="water"/>
  </properties>
 </tile>
 <tile id="43">
  <properties>
   <property name="kind" value="water_1110"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="water"/>
  </properties>
 </tile>
 <tile id="44">
  <properties>
   <property name="kind" value="cobbles_0001"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="45">
  <properties>
   <property name="kind" value="cobbles_0010"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="46">
  <properties>
   <property name="kind" value="cobbles_0011"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="47">
  <properties>
   <property name="kind" value="cobbles_0100"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="48">
  <properties>
   <property name="kind" value="cobbles_0101"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="49">
  <properties>
   <property name="kind" value="cobbles_0110"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="50">
  <properties>
   <property name="kind" value="cobbles_0111"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="51">
  <properties>
   <property name="kind" value="cobbles_1000"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="52">
  <properties>
   <property name="kind" value="cobbles_1001"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="53">
  <properties>
   <property name="kind" value="cobbles_1010"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="54">
  <properties>
   <property name="kind" value="cobbles_1011"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="55">
  <properties>
   <property name="kind" value="cobbles_1100"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="56">
  <properties>
   <property name="kind" value="cobbles_1101"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="57">
  <properties>
   <property name="kind" value="cobbles_1110"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="58">
  <properties>
   <property name="kind" value="olive"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="59">
  <properties>
   <property name="kind" value="cypress"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="60">
  <properties>
   <property name="kind" value="poplar"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="61">
  <properties>
   <property name="kind" value="bush"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="62">
  <properties>
   <property name="kind" value="trunk"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="63">
  <properties>
   <property name="kind" value="pine_tl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="64">
  <properties>
   <property name="kind" value="pine_t"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="65">
  <properties>
   <property name="kind" value="pine_tr"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="66">
  <properties>
   <property name="kind" value="pine_l"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="67">
  <properties>
   <property name="kind" value="pine_c"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="68">
  <properties>
   <property name="kind" value="pine_r"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="69">
  <properties>
   <property name="kind" value="pine_bl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="70">
  <properties>
   <property name="kind" value="pine_b"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="71">
  <properties>
   <property name="kind" value="pine_br"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="72">
  <properties>
   <property name="kind" value="house_a_tl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="73">
  <properties>
   <property name="kind" value="house_a_t"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="74">
  <properties>
   <property name="kind" value="house_a_tr"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="75">
  <properties>
   <property name="kind" value="house_a_bl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="76">
  <properties>
   <property name="kind" value="house_a_b"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="77">
  <properties>
   <property name="kind" value="house_a_br"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="78">
  <properties>
   <property name="kind" value="house_b_tl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="79">
  <properties>
   <property name="kind" value="house_b_t"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="80">
  <properties>
   <property name="kind" value="house_b_tr"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="81">
  <properties>
   <property name="kind" value="house_b_bl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="82">
  <properties>
   <property name="kind" value="house_b_b"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="83">
  <properties>
   <property name="kind" value="house_b_br"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="84">
  <properties>
   <property name="kind" value="house_c_tl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="85">
  <properties>
   <property name="kind" value="house_c_t"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="86">
  <properties>
   <property name="kind" value="house_c_tr"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="87">
  <properties>
   <property name="kind" value="house_c_bl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="88">
  <properties>
   <property name="kind" value="house_c_b"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="89">
  <properties>
   <property name="kind" value="house_c_br"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="90">
  <properties>
   <property name="kind" value="house_lead_tl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="91">
  <properties>
   <property name="kind" value="house_lead_t"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="92">
  <properties>
   <property name="kind" value="house_lead_tr"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="93">
  <properties>
   <property name="kind" value="house_lead_bl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="94">
  <properties>
   <property name="kind" value="house_lead_b"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="95">
  <properties>
   <property name="kind" value="house_lead_br"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="96">
  <properties>
   <property name="kind" value="housev_a_tl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="97">
  <properties>
   <property name="kind" value="housev_a_tr"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="98">
  <properties>
   <property name="kind" value="housev_a_l"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="99">
  <properties>
   <property name="kind" value="housev_a_r"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="100">
  <properties>
   <property name="kind" value="housev_a_bl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="101">
  <properties>
   <property name="kind" value="housev_a_br"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="102">
  <properties>
   <property name="kind" value="housev_b_tl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="103">
  <properties>
   <property name="kind" value="housev_b_tr"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="104">
  <properties>
   <property name="kind" value="housev_b_l"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="105">
  <properties>
   <property name="kind" value="housev_b_r"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="106">
  <properties>
   <property name="kind" value="housev_b_bl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="107">
  <properties>
   <property name="kind" value="housev_b_br"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="108">
  <properties>
   <property name="kind" value="dome_00"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="109">
  <properties>
   <property name="kind" value="dome_01"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="110">
  <properties>
   <property name="kind" value="dome_02"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="111">
  <properties>
   <property name="kind" value="dome_03"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="112">
  <properties>
   <property name="kind" value="dome_10"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="113">
  <properties>
   <property name="kind" value="dome_11"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="114">
  <properties>
   <property name="kind" value="dome_12"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="115">
  <properties>
   <property name="kind" value="dome_13"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="116">
  <properties>
   <property name="kind" value="dome_20"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="117">
  <properties>
   <property name="kind" value="dome_21"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="118">
  <properties>
   <property name="kind" value="dome_22"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="119">
  <properties>
   <property name="kind" value="dome_23"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="120">
  <properties>
   <property name="kind" value="dome_30"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="121">
  <properties>
   <property name="kind" value="dome_31"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="122">
  <properties>
   <property name="kind" value="dome_32"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="123">
  <properties>
   <property name="kind" value="dome_33"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="124">
  <properties>
   <property name="kind" value="tower_tl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="125">
  <properties>
   <property name="kind" value="tower_tr"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="126">
  <properties>
   <property name="kind" value="tower_bl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="127">
  <properties>
   <property name="kind" value="tower_br"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="128">
  <properties>
   <property name="kind" value="fountain_tl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="129">
  <properties>
   <property name="kind" value="fountain_tr"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="130">
  <properties>
   <property name="kind" value="fountain_bl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="131">
  <properties>
   <property name="kind" value="fountain_br"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="132">
  <properties>
   <property name="kind" value="umbrella"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="133">
  <properties>
   <property name="kind" value="lamp"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="134">
  <properties>
   <property name="kind" value="wall_post"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="135">
  <properties>
   <property name="kind" value="wall_w"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="136">
  <properties>
   <property name="kind" value="wall_s"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="137">
  <properties>
   <property name="kind" value="wall_sw"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="138">
  <properties>
   <property name="kind" value="wall_e"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="139">
  <properties>
   <property name="kind" value="wall_ew"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="140">
  <properties>
   <property name="kind" value="wall_es"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="141">
  <properties>
   <property name="kind" value="wall_esw"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="142">
  <properties>
   <property name="kind" value="wall_n"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="143">
  <properties>
   <property name="kind" value="wall_nw"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="144">
  <properties>
   <property name="kind" value="wall_ns"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="145">
  <properties>
   <property name="kind" value="wall_nsw"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="146">
  <properties>
   <property name="kind" value="wall_ne"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="147">
  <properties>
   <property name="kind" value="wall_new"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="148">
  <properties>
   <property name="kind" value="wall_nes"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="149">
  <properties>
   <property name="kind" value="wall_nesw"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="150">
  <properties>
   <property name="kind" value="spectators_a"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="151">
  <properties>
   <property name="kind" value="spectators_b"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="152">
  <properties>
   <property name="kind" value="spectators_flags"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="153">
  <properties>
   <property name="kind" value="cyclists"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="154">
  <properties>
   <property name="kind" value="rowing_boat"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="water"/>
  </properties>
 </tile>
 <tile id="155">
  <properties>
   <property name="kind" value="sail_boat"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="water"/>
  </properties>
 </tile>
 <tile id="156">
  <properties>
   <property name="kind" value="reeds"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="water"/>
  </properties>
 </tile>
 <tile id="157">
  <properties>
   <property name="kind" value="hay_bale"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="158">
  <properties>
   <property name="kind" value="rocks"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="159">
  <properties>
   <property name="kind" value="flag"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="160">
  <properties>
   <property name="kind" value="arrow_e"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="161">
  <properties>
   <property name="kind" value="arrow_s"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="162">
  <properties>
   <property name="kind" value="arrow_w"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="163">
  <properties>
   <property name="kind" value="arrow_n"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="164">
  <properties>
   <property name="kind" value="finish_line_h"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="165">
  <properties>
   <property name="kind" value="finish_line_v"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="166">
  <properties>
   <property name="kind" value="bunting_h"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="167">
  <properties>
   <property name="kind" value="bunting_v"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="168">
  <properties>
   <property name="kind" value="banner_l"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="169">
  <properties>
   <property name="kind" value="banner_m"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="170">
  <properties>
   <property name="kind" value="banner_r"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="171">
  <properties>
   <property name="kind" value="banner_v_t"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="172">
  <properties>
   <property name="kind" value="banner_v_m"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="173">
  <properties>
   <property name="kind" value="banner_v_b"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="174">
  <properties>
   <property name="kind" value="gate_tl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="175">
  <properties>
   <property name="kind" value="gate_tr"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="176">
  <properties>
   <property name="kind" value="gate_l"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="177">
  <properties>
   <property name="kind" value="gate_r"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="178">
  <properties>
   <property name="kind" value="gate_bl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="179">
  <properties>
   <property name="kind" value="gate_br"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="180">
  <properties>
   <property name="kind" value="gravel_road"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="gravel"/>
  </properties>
 </tile>
 <tile id="181">
  <properties>
   <property name="kind" value="wet_asphalt"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="wet_asphalt"/>
  </properties>
 </tile>
 <tile id="182">
  <properties>
   <property name="kind" value="gravel_0001"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="183">
  <properties>
   <property name="kind" value="gravel_0010"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="184">
  <properties>
   <property name="kind" value="gravel_0011"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="gravel"/>
  </properties>
 </tile>
 <tile id="185">
  <properties>
   <property name="kind" value="gravel_0100"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="186">
  <properties>
   <property name="kind" value="gravel_0101"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="gravel"/>
  </properties>
 </tile>
 <tile id="187">
  <properties>
   <property name="kind" value="gravel_0110"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="gravel"/>
  </properties>
 </tile>
 <tile id="188">
  <properties>
   <property name="kind" value="gravel_0111"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="gravel"/>
  </properties>
 </tile>
 <tile id="189">
  <properties>
   <property name="kind" value="gravel_1000"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="190">
  <properties>
   <property name="kind" value="gravel_1001"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="gravel"/>
  </properties>
 </tile>
 <tile id="191">
  <properties>
   <property name="kind" value="gravel_1010"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="gravel"/>
  </properties>
 </tile>
 <tile id="192">
  <properties>
   <property name="kind" value="gravel_1011"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="gravel"/>
  </properties>
 </tile>
 <tile id="193">
  <properties>
   <property name="kind" value="gravel_1100"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="gravel"/>
  </properties>
 </tile>
 <tile id="194">
  <properties>
   <property name="kind" value="gravel_1101"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="gravel"/>
  </properties>
 </tile>
 <tile id="195">
  <properties>
   <property name="kind" value="gravel_1110"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="gravel"/>
  </properties>
 </tile>
 <tile id="196">
  <properties>
   <property name="kind" value="wet_0001"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="197">
  <properties>
   <property name="kind" value="wet_0010"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="198">
  <properties>
   <property name="kind" value="wet_0011"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="wet_asphalt"/>
  </properties>
 </tile>
 <tile id="199">
  <properties>
   <property name="kind" value="wet_0100"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="200">
  <properties>
   <property name="kind" value="wet_0101"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="wet_asphalt"/>
  </properties>
 </tile>
 <tile id="201">
  <properties>
   <property name="kind" value="wet_0110"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="wet_asphalt"/>
  </properties>
 </tile>
 <tile id="202">
  <properties>
   <property name="kind" value="wet_0111"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="wet_asphalt"/>
  </properties>
 </tile>
 <tile id="203">
  <properties>
   <property name="kind" value="wet_1000"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="204">
  <properties>
   <property name="kind" value="wet_1001"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="wet_asphalt"/>
  </properties>
 </tile>
 <tile id="205">
  <properties>
   <property name="kind" value="wet_1010"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="wet_asphalt"/>
  </properties>
 </tile>
 <tile id="206">
  <properties>
   <property name="kind" value="wet_1011"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="wet_asphalt"/>
  </properties>
 </tile>
 <tile id="207">
  <properties>
   <property name="kind" value="wet_1100"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="wet_asphalt"/>
  </properties>
 </tile>
 <tile id="208">
  <properties>
   <property name="kind" value="wet_1101"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="wet_asphalt"/>
  </properties>
 </tile>
 <tile id="209">
  <properties>
   <property name="kind" value="wet_1110"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="wet_asphalt"/>
  </properties>
 </tile>
 <tile id="210">
  <properties>
   <property name="kind" value="arena_0_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="211">
  <properties>
   <property name="kind" value="arena_0_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="212">
  <properties>
   <property name="kind" value="arena_0_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="213">
  <properties>
   <property name="kind" value="arena_0_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="214">
  <properties>
   <property name="kind" value="arena_0_4"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="215">
  <properties>
   <property name="kind" value="arena_0_5"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="216">
  <properties>
   <property name="kind" value="arena_0_6"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="217">
  <properties>
   <property name="kind" value="arena_0_7"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="218">
  <properties>
   <property name="kind" value="arena_0_8"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="219">
  <properties>
   <property name="kind" value="arena_0_9"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="220">
  <properties>
   <property name="kind" value="arena_1_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="221">
  <properties>
   <property name="kind" value="arena_1_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="222">
  <properties>
   <property name="kind" value="arena_1_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="223">
  <properties>
   <property name="kind" value="arena_1_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="224">
  <properties>
   <property name="kind" value="arena_1_4"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="225">
  <properties>
   <property name="kind" value="arena_1_5"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="226">
  <properties>
   <property name="kind" value="arena_1_6"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="227">
  <properties>
   <property name="kind" value="arena_1_7"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="228">
  <properties>
   <property name="kind" value="arena_1_8"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="229">
  <properties>
   <property name="kind" value="arena_1_9"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="230">
  <properties>
   <property name="kind" value="arena_2_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="231">
  <properties>
   <property name="kind" value="arena_2_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="232">
  <properties>
   <property name="kind" value="arena_2_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="233">
  <properties>
   <property name="kind" value="arena_2_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="234">
  <properties>
   <property name="kind" value="arena_2_4"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="235">
  <properties>
   <property name="kind" value="arena_2_5"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="236">
  <properties>
   <property name="kind" value="arena_2_6"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="237">
  <properties>
   <property name="kind" value="arena_2_7"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="238">
  <properties>
   <property name="kind" value="arena_2_8"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="239">
  <properties>
   <property name="kind" value="arena_2_9"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="240">
  <properties>
   <property name="kind" value="arena_3_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="241">
  <properties>
   <property name="kind" value="arena_3_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="242">
  <properties>
   <property name="kind" value="arena_3_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="243">
  <properties>
   <property name="kind" value="arena_3_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="244">
  <properties>
   <property name="kind" value="arena_3_4"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="245">
  <properties>
   <property name="kind" value="arena_3_5"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="246">
  <properties>
   <property name="kind" value="arena_3_6"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="247">
  <properties>
   <property name="kind" value="arena_3_7"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="248">
  <properties>
   <property name="kind" value="arena_3_8"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="249">
  <properties>
   <property name="kind" value="arena_3_9"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="250">
  <properties>
   <property name="kind" value="arena_4_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="251">
  <properties>
   <property name="kind" value="arena_4_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="252">
  <properties>
   <property name="kind" value="arena_4_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="253">
  <properties>
   <property name="kind" value="arena_4_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="254">
  <properties>
   <property name="kind" value="arena_4_4"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="255">
  <properties>
   <property name="kind" value="arena_4_5"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="256">
  <properties>
   <property name="kind" value="arena_4_6"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="257">
  <properties>
   <property name="kind" value="arena_4_7"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="258">
  <properties>
   <property name="kind" value="arena_4_8"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="259">
  <properties>
   <property name="kind" value="arena_4_9"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="260">
  <properties>
   <property name="kind" value="arena_5_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="261">
  <properties>
   <property name="kind" value="arena_5_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="262">
  <properties>
   <property name="kind" value="arena_5_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="263">
  <properties>
   <property name="kind" value="arena_5_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="264">
  <properties>
   <property name="kind" value="arena_5_4"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="265">
  <properties>
   <property name="kind" value="arena_5_5"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="266">
  <properties>
   <property name="kind" value="arena_5_6"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="267">
  <properties>
   <property name="kind" value="arena_5_7"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="268">
  <properties>
   <property name="kind" value="arena_5_8"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="269">
  <properties>
   <property name="kind" value="arena_5_9"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="270">
  <properties>
   <property name="kind" value="arena_6_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="271">
  <properties>
   <property name="kind" value="arena_6_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="272">
  <properties>
   <property name="kind" value="arena_6_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="273">
  <properties>
   <property name="kind" value="arena_6_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="274">
  <properties>
   <property name="kind" value="arena_6_4"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="275">
  <properties>
   <property name="kind" value="arena_6_5"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="276">
  <properties>
   <property name="kind" value="arena_6_6"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="277">
  <properties>
   <property name="kind" value="arena_6_7"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="278">
  <properties>
   <property name="kind" value="arena_6_8"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="279">
  <properties>
   <property name="kind" value="arena_6_9"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="280">
  <properties>
   <property name="kind" value="arena_7_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="281">
  <properties>
   <property name="kind" value="arena_7_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="282">
  <properties>
   <property name="kind" value="arena_7_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="283">
  <properties>
   <property name="kind" value="arena_7_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="284">
  <properties>
   <property name="kind" value="arena_7_4"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="285">
  <properties>
   <property name="kind" value="arena_7_5"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="286">
  <properties>
   <property name="kind" value="arena_7_6"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="287">
  <properties>
   <property name="kind" value="arena_7_7"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="288">
  <properties>
   <property name="kind" value="arena_7_8"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="289">
  <properties>
   <property name="kind" value="arena_7_9"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="290">
  <properties>
   <property name="kind" value="colosseum_0_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="291">
  <properties>
   <property name="kind" value="colosseum_0_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="292">
  <properties>
   <property name="kind" value="colosseum_0_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="293">
  <properties>
   <property name="kind" value="colosseum_0_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="294">
  <properties>
   <property name="kind" value="colosseum_0_4"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="295">
  <properties>
   <property name="kind" value="colosseum_0_5"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="296">
  <properties>
   <property name="kind" value="colosseum_0_6"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="297">
  <properties>
   <property name="kind" value="colosseum_0_7"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="298">
  <properties>
   <property name="kind" value="colosseum_0_8"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="299">
  <properties>
   <property name="kind" value="colosseum_0_9"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="300">
  <properties>
   <property name="kind" value="colosseum_1_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="301">
  <properties>
   <property name="kind" value="colosseum_1_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="302">
  <properties>
   <property name="kind" value="colosseum_1_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="303">
  <properties>
   <property name="kind" value="colosseum_1_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="304">
  <properties>
   <property name="kind" value="colosseum_1_4"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="305">
  <properties>
   <property name="kind" value="colosseum_1_5"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="306">
  <properties>
   <property name="kind" value="colosseum_1_6"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="307">
  <properties>
   <property name="kind" value="colosseum_1_7"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="308">
  <properties>
   <property name="kind" value="colosseum_1_8"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="309">
  <properties>
   <property name="kind" value="colosseum_1_9"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="310">
  <properties>
   <property name="kind" value="colosseum_2_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="311">
  <properties>
   <property name="kind" value="colosseum_2_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="312">
  <properties>
   <property name="kind" value="colosseum_2_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="313">
  <properties>
   <property name="kind" value="colosseum_2_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="314">
  <properties>
   <property name="kind" value="colosseum_2_4"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="315">
  <properties>
   <property name="kind" value="colosseum_2_5"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="316">
  <properties>
   <property name="kind" value="colosseum_2_6"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="317">
  <properties>
   <property name="kind" value="colosseum_2_7"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="318">
  <properties>
   <property name="kind" value="colosseum_2_8"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="319">
  <properties>
   <property name="kind" value="colosseum_2_9"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="320">
  <properties>
   <property name="kind" value="colosseum_3_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="321">
  <properties>
   <property name="kind" value="colosseum_3_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="322">
  <properties>
   <property name="kind" value="colosseum_3_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="323">
  <properties>
   <property name="kind" value="colosseum_3_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="324">
  <properties>
   <property name="kind" value="colosseum_3_4"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="325">
  <properties>
   <property name="kind" value="colosseum_3_5"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="326">
  <properties>
   <property name="kind" value="colosseum_3_6"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="327">
  <properties>
   <property name="kind" value="colosseum_3_7"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="328">
  <properties>
   <property name="kind" value="colosseum_3_8"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="329">
  <properties>
   <property name="kind" value="colosseum_3_9"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="330">
  <properties>
   <property name="kind" value="colosseum_4_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="331">
  <properties>
   <property name="kind" value="colosseum_4_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="332">
  <properties>
   <property name="kind" value="colosseum_4_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="333">
  <properties>
   <property name="kind" value="colosseum_4_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="334">
  <properties>
   <property name="kind" value="colosseum_4_4"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="335">
  <properties>
   <property name="kind" value="colosseum_4_5"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="336">
  <properties>
   <property name="kind" value="colosseum_4_6"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="337">
  <properties>
   <property name="kind" value="colosseum_4_7"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="338">
  <properties>
   <property name="kind" value="colosseum_4_8"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="339">
  <properties>
   <property name="kind" value="colosseum_4_9"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="340">
  <properties>
   <property name="kind" value="colosseum_5_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="341">
  <properties>
   <property name="kind" value="colosseum_5_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="342">
  <properties>
   <property name="kind" value="colosseum_5_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="343">
  <properties>
   <property name="kind" value="colosseum_5_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="344">
  <properties>
   <property name="kind" value="colosseum_5_4"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="345">
  <properties>
   <property name="kind" value="colosseum_5_5"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="346">
  <properties>
   <property name="kind" value="colosseum_5_6"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="347">
  <properties>
   <property name="kind" value="colosseum_5_7"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="348">
  <properties>
   <property name="kind" value="colosseum_5_8"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="349">
  <properties>
   <property name="kind" value="colosseum_5_9"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="350">
  <properties>
   <property name="kind" value="colosseum_6_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="351">
  <properties>
   <property name="kind" value="colosseum_6_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="352">
  <properties>
   <property name="kind" value="colosseum_6_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="353">
  <properties>
   <property name="kind" value="colosseum_6_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="354">
  <properties>
   <property name="kind" value="colosseum_6_4"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="355">
  <properties>
   <property name="kind" value="colosseum_6_5"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="356">
  <properties>
   <property name="kind" value="colosseum_6_6"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="357">
  <properties>
   <property name="kind" value="colosseum_6_7"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="358">
  <properties>
   <property name="kind" value="colosseum_6_8"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="359">
  <properties>
   <property name="kind" value="colosseum_6_9"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="360">
  <properties>
   <property name="kind" value="colosseum_7_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="361">
  <properties>
   <property name="kind" value="colosseum_7_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="362">
  <properties>
   <property name="kind" value="colosseum_7_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="363">
  <properties>
   <property name="kind" value="colosseum_7_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="364">
  <properties>
   <property name="kind" value="colosseum_7_4"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="365">
  <properties>
   <property name="kind" value="colosseum_7_5"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="366">
  <properties>
   <property name="kind" value="colosseum_7_6"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="367">
  <properties>
   <property name="kind" value="colosseum_7_7"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="368">
  <properties>
   <property name="kind" value="colosseum_7_8"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="369">
  <properties>
   <property name="kind" value="colosseum_7_9"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="370">
  <properties>
   <property name="kind" value="rotonda_0_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="371">
  <properties>
   <property name="kind" value="rotonda_0_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="372">
  <properties>
   <property name="kind" value="rotonda_0_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="373">
  <properties>
   <property name="kind" value="rotonda_0_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="374">
  <properties>
   <property name="kind" value="rotonda_1_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="375">
  <properties>
   <property name="kind" value="rotonda_1_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="376">
  <properties>
   <property name="kind" value="rotonda_1_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="377">
  <properties>
   <property name="kind" value="rotonda_1_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="378">
  <properties>
   <property name="kind" value="rotonda_2_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="379">
  <properties>
   <property name="kind" value="rotonda_2_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="380">
  <properties>
   <property name="kind" value="rotonda_2_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="381">
  <properties>
   <property name="kind" value="rotonda_2_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="382">
  <properties>
   <property name="kind" value="rotonda_3_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="383">
  <properties>
   <property name="kind" value="rotonda_3_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="384">
  <properties>
   <property name="kind" value="rotonda_3_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="385">
  <properties>
   <property name="kind" value="rotonda_3_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="386">
  <properties>
   <property name="kind" value="basilica_0_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="387">
  <properties>
   <property name="kind" value="basilica_0_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="388">
  <properties>
   <property name="kind" value="basilica_0_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="389">
  <properties>
   <property name="kind" value="basilica_0_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="390">
  <properties>
   <property name="kind" value="basilica_0_4"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="391">
  <properties>
   <property name="kind" value="basilica_0_5"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="392">
  <properties>
   <property name="kind" value="basilica_1_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="393">
  <properties>
   <property name="kind" value="basilica_1_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="394">
  <properties>
   <property name="kind" value="basilica_1_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="395">
  <properties>
   <property name="kind" value="basilica_1_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="396">
  <properties>
   <property name="kind" value="basilica_1_4"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="397">
  <properties>
   <property name="kind" value="basilica_1_5"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="398">
  <properties>
   <property name="kind" value="basilica_2_0"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="399">
  <properties>
   <property name="kind" value="basilica_2_1"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="400">
  <properties>
   <property name="kind" value="basilica_2_2"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="401">
  <properties>
   <property name="kind" value="basilica_2_3"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="402">
  <properties>
   <property name="kind" value="basilica_2_4"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="403">
  <properties>
   <property name="kind" value="basilica_2_5"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="cobbles"/>
  </properties>
 </tile>
 <tile id="404">
  <properties>
   <property name="kind" value="statue"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="405">
  <properties>
   <property name="kind" value="bridge_deck"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="406">
  <properties>
   <property name="kind" value="parapet_w"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="407">
  <properties>
   <property name="kind" value="parapet_e"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="408">
  <properties>
   <property name="kind" value="truss_w"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="409">
  <properties>
   <property name="kind" value="truss_m"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="410">
  <properties>
   <property name="kind" value="truss_e"/>
   <property name="layer" type="string" propertytype="tile_layer" value="above"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="411">
  <properties>
   <property name="kind" value="brick_post"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="412">
  <properties>
   <property name="kind" value="brick_w"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="413">
  <properties>
   <property name="kind" value="brick_s"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="414">
  <properties>
   <property name="kind" value="brick_sw"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="415">
  <properties>
   <property name="kind" value="brick_e"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="416">
  <properties>
   <property name="kind" value="brick_ew"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="417">
  <properties>
   <property name="kind" value="brick_es"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="418">
  <properties>
   <property name="kind" value="brick_esw"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="419">
  <properties>
   <property name="kind" value="brick_n"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="420">
  <properties>
   <property name="kind" value="brick_nw"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="421">
  <properties>
   <property name="kind" value="brick_ns"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="422">
  <properties>
   <property name="kind" value="brick_nsw"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="423">
  <properties>
   <property name="kind" value="brick_ne"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="424">
  <properties>
   <property name="kind" value="brick_new"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="425">
  <properties>
   <property name="kind" value="brick_nes"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="426">
  <properties>
   <property name="kind" value="brick_nesw"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="427">
  <properties>
   <property name="kind" value="ramp_tl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="428">
  <properties>
   <property name="kind" value="ramp_t"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="429">
  <properties>
   <property name="kind" value="ramp_tr"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="430">
  <properties>
   <property name="kind" value="ramp_bl"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="431">
  <properties>
   <property name="kind" value="ramp_b"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="432">
  <properties>
   <property name="kind" value="ramp_br"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="433">
  <properties>
   <property name="kind" value="saltpan"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="water"/>
  </properties>
 </tile>
 <tile id="434">
  <properties>
   <property name="any_turn" type="bool" value="true"/>
   <property name="kind" value="scree"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="435">
  <properties>
   <property name="any_turn" type="bool" value="true"/>
   <property name="kind" value="pasture"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="436">
  <properties>
   <property name="kind" value="plane"/>
   <property name="layer" type="string" propertytype="tile_layer" value="decor"/>
   <property name="solid" type="bool" value="true"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="437">
  <properties>
   <property name="any_turn" type="bool" value="true"/>
   <property name="kind" value="dirt_full"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="438">
  <properties>
   <property name="kind" value="dirt_0001"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="439">
  <properties>
   <property name="kind" value="dirt_0010"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="440">
  <properties>
   <property name="kind" value="dirt_0011"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="441">
  <properties>
   <property name="kind" value="dirt_0100"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="442">
  <properties>
   <property name="kind" value="dirt_0101"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="443">
  <properties>
   <property name="kind" value="dirt_0110"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="444">
  <properties>
   <property name="kind" value="dirt_0111"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="445">
  <properties>
   <property name="kind" value="dirt_1000"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="446">
  <properties>
   <property name="kind" value="dirt_1001"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="447">
  <properties>
   <property name="kind" value="dirt_1010"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="448">
  <properties>
   <property name="kind" value="dirt_1011"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="449">
  <properties>
   <property name="kind" value="dirt_1100"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="450">
  <properties>
   <property name="kind" value="dirt_1101"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="451">
  <properties>
   <property name="kind" value="dirt_1110"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="452">
  <properties>
   <property name="any_turn" type="bool" value="true"/>
   <property name="kind" value="sand_full"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="sand"/>
  </properties>
 </tile>
 <tile id="453">
  <properties>
   <property name="kind" value="sand_0001"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="454">
  <properties>
   <property name="kind" value="sand_0010"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="455">
  <properties>
   <property name="kind" value="sand_0011"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="sand"/>
  </properties>
 </tile>
 <tile id="456">
  <properties>
   <property name="kind" value="sand_0100"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="457">
  <properties>
   <property name="kind" value="sand_0101"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="sand"/>
  </properties>
 </tile>
 <tile id="458">
  <properties>
   <property name="kind" value="sand_0110"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="sand"/>
  </properties>
 </tile>
 <tile id="459">
  <properties>
   <property name="kind" value="sand_0111"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="sand"/>
  </properties>
 </tile>
 <tile id="460">
  <properties>
   <property name="kind" value="sand_1000"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="grass"/>
  </properties>
 </tile>
 <tile id="461">
  <properties>
   <property name="kind" value="sand_1001"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="sand"/>
  </properties>
 </tile>
 <tile id="462">
  <properties>
   <property name="kind" value="sand_1010"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="sand"/>
  </properties>
 </tile>
 <tile id="463">
  <properties>
   <property name="kind" value="sand_1011"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="sand"/>
  </properties>
 </tile>
 <tile id="464">
  <properties>
   <property name="kind" value="sand_1100"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="sand"/>
  </properties>
 </tile>
 <tile id="465">
  <properties>
   <property name="kind" value="sand_1101"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="sand"/>
  </properties>
 </tile>
 <tile id="466">
  <properties>
   <property name="kind" value="sand_1110"/>
   <property name="layer" type="string" propertytype="tile_layer" value="ground"/>
   <property name="solid" type="bool" value="false"/>
   <property name="surface" type="string" propertytype="surface" value="sand"/>
  </properties>
 </tile>
 <wangsets>
  <wangset name="terrain" type="corner" tile="-1">
   <wangcolor name="grass" color="#8db255" tile="0" probability="1"/>
   <wangcolor name="asphalt" color="#67625f" tile="3" probability="1"/>
   <wangcolor name="water" color="#2f87c2" tile="4" probability="1"/>
   <wangcolor name="cobbles" color="#a08a74" tile="6" probability="1"/>
   <wangcolor name="gravel" color="#e2d8bd" tile="180" probability="1"/>
   <wangcolor name="wet_asphalt" color="#3f4148" tile="181" probability="1"/>
   <wangcolor name="dirt" color="#b98a4e" tile="437" probability="1"/>
   <wangcolor name="sand" color="#e8d3a0" tile="452" probability="1"/>
   <wangtile tileid="0" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="1" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="2" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="3" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="4" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="5" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="6" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="16" wangid="0,1,0,1,0,2,0,1"/>
   <wangtile tileid="17" wangid="0,1,0,2,0,1,0,1"/>
   <wangtile tileid="18" wangid="0,1,0,2,0,2,0,1"/>
   <wangtile tileid="19" wangid="0,2,0,1,0,1,0,1"/>
   <wangtile tileid="20" wangid="0,2,0,1,0,2,0,1"/>
   <wangtile tileid="21" wangid="0,2,0,2,0,1,0,1"/>
   <wangtile tileid="22" wangid="0,2,0,2,0,2,0,1"/>
   <wangtile tileid="23" wangid="0,1,0,1,0,1,0,2"/>
   <wangtile tileid="24" wangid="0,1,0,1,0,2,0,2"/>
   <wangtile tileid="25" wangid="0,1,0,2,0,1,0,2"/>
   <wangtile tileid="26" wangid="0,1,0,2,0,2,0,2"/>
   <wangtile tileid="27" wangid="0,2,0,1,0,1,0,2"/>
   <wangtile tileid="28" wangid="0,2,0,1,0,2,0,2"/>
   <wangtile tileid="29" wangid="0,2,0,2,0,1,0,2"/>
   <wangtile tileid="30" wangid="0,1,0,1,0,3,0,1"/>
   <wangtile tileid="31" wangid="0,1,0,3,0,1,0,1"/>
   <wangtile tileid="32" wangid="0,1,0,3,0,3,0,1"/>
   <wangtile tileid="33" wangid="0,3,0,1,0,1,0,1"/>
   <wangtile tileid="34" wangid="0,3,0,1,0,3,0,1"/>
   <wangtile tileid="35" wangid="0,3,0,3,0,1,0,1"/>
   <wangtile tileid="36" wangid="0,3,0,3,0,3,0,1"/>
   <wangtile tileid="37" wangid="0,1,0,1,0,1,0,3"/>
   <wangtile tileid="38" wangid="0,1,0,1,0,3,0,3"/>
   <wangtile tileid="39" wangid="0,1,0,3,0,1,0,3"/>
   <wangtile tileid="40" wangid="0,1,0,3,0,3,0,3"/>
   <wangtile tileid="41" wangid="0,3,0,1,0,1,0,3"/>
   <wangtile tileid="42" wangid="0,3,0,1,0,3,0,3"/>
   <wangtile tileid="43" wangid="0,3,0,3,0,1,0,3"/>
   <wangtile tileid="44" wangid="0,1,0,1,0,4,0,1"/>
   <wangtile tileid="45" wangid="0,1,0,4,0,1,0,1"/>
   <wangtile tileid="46" wangid="0,1,0,4,0,4,0,1"/>
   <wangtile tileid="47" wangid="0,4,0,1,0,1,0,1"/>
   <wangtile tileid="48" wangid="0,4,0,1,0,4,0,1"/>
   <wangtile tileid="49" wangid="0,4,0,4,0,1,0,1"/>
   <wangtile tileid="50" wangid="0,4,0,4,0,4,0,1"/>
   <wangtile tileid="51" wangid="0,1,0,1,0,1,0,4"/>
   <wangtile tileid="52" wangid="0,1,0,1,0,4,0,4"/>
   <wangtile tileid="53" wangid="0,1,0,4,0,1,0,4"/>
   <wangtile tileid="54" wangid="0,1,0,4,0,4,0,4"/>
   <wangtile tileid="55" wangid="0,4,0,1,0,1,0,4"/>
   <wangtile tileid="56" wangid="0,4,0,1,0,4,0,4"/>
   <wangtile tileid="57" wangid="0,4,0,4,0,1,0,4"/>
   <wangtile tileid="180" wangid="0,5,0,5,0,5,0,5"/>
   <wangtile tileid="181" wangid="0,6,0,6,0,6,0,6"/>
   <wangtile tileid="182" wangid="0,1,0,1,0,5,0,1"/>
   <wangtile tileid="183" wangid="0,1,0,5,0,1,0,1"/>
   <wangtile tileid="184" wangid="0,1,0,5,0,5,0,1"/>
   <wangtile tileid="185" wangid="0,5,0,1,0,1,0,1"/>
   <wangtile tileid="186" wangid="0,5,0,1,0,5,0,1"/>
   <wangtile tileid="187" wangid="0,5,0,5,0,1,0,1"/>
   <wangtile tileid="188" wangid="0,5,0,5,0,5,0,1"/>
   <wangtile tileid="189" wangid="0,1,0,1,0,1,0,5"/>
   <wangtile tileid="190" wangid="0,1,0,1,0,5,0,5"/>
   <wangtile tileid="191" wangid="0,1,0,5,0,1,0,5"/>
   <wangtile tileid="192" wangid="0,1,0,5,0,5,0,5"/>
   <wangtile tileid="193" wangid="0,5,0,1,0,1,0,5"/>
   <wangtile tileid="194" wangid="0,5,0,1,0,5,0,5"/>
   <wangtile tileid="195" wangid="0,5,0,5,0,1,0,5"/>
   <wangtile tileid="196" wangid="0,1,0,1,0,6,0,1"/>
   <wangtile tileid="197" wangid="0,1,0,6,0,1,0,1"/>
   <wangtile tileid="198" wangid="0,1,0,6,0,6,0,1"/>
   <wangtile tileid="199" wangid="0,6,0,1,0,1,0,1"/>
   <wangtile tileid="200" wangid="0,6,0,1,0,6,0,1"/>
   <wangtile tileid="201" wangid="0,6,0,6,0,1,0,1"/>
   <wangtile tileid="202" wangid="0,6,0,6,0,6,0,1"/>
   <wangtile tileid="203" wangid="0,1,0,1,0,1,0,6"/>
   <wangtile tileid="204" wangid="0,1,0,1,0,6,0,6"/>
   <wangtile tileid="205" wangid="0,1,0,6,0,1,0,6"/>
   <wangtile tileid="206" wangid="0,1,0,6,0,6,0,6"/>
   <wangtile tileid="207" wangid="0,6,0,1,0,1,0,6"/>
   <wangtile tileid="208" wangid="0,6,0,1,0,6,0,6"/>
   <wangtile tileid="209" wangid="0,6,0,6,0,1,0,6"/>
   <wangtile tileid="437" wangid="0,7,0,7,0,7,0,7"/>
   <wangtile tileid="438" wangid="0,1,0,1,0,7,0,1"/>
   <wangtile tileid="439" wangid="0,1,0,7,0,1,0,1"/>
   <wangtile tileid="440" wangid="0,1,0,7,0,7,0,1"/>
   <wangtile tileid="441" wangid="0,7,0,1,0,1,0,1"/>
   <wangtile tileid="442" wangid="0,7,0,1,0,7,0,1"/>
   <wangtile tileid="443" wangid="0,7,0,7,0,1,0,1"/>
   <wangtile tileid="444" wangid="0,7,0,7,0,7,0,1"/>
   <wangtile tileid="445" wangid="0,1,0,1,0,1,0,7"/>
   <wangtile tileid="446" wangid="0,1,0,1,0,7,0,7"/>
   <wangtile tileid="447" wangid="0,1,0,7,0,1,0,7"/>
   <wangtile tileid="448" wangid="0,1,0,7,0,7,0,7"/>
   <wangtile tileid="449" wangid="0,7,0,1,0,1,0,7"/>
   <wangtile tileid="450" wangid="0,7,0,1,0,7,0,7"/>
   <wangtile tileid="451" wangid="0,7,0,7,0,1,0,7"/>
   <wangtile tileid="452" wangid="0,8,0,8,0,8,0,8"/>
   <wangtile tileid="453" wangid="0,1,0,1,0,8,0,1"/>
   <wangtile tileid="454" wangid="0,1,0,8,0,1,0,1"/>
   <wangtile tileid="455" wangid="0,1,0,8,0,8,0,1"/>
   <wangtile tileid="456" wangid="0,8,0,1,0,1,0,1"/>
   <wangtile tileid="457" wangid="0,8,0,1,0,8,0,1"/>
   <wangtile tileid="458" wangid="0,8,0,8,0,1,0,1"/>
   <wangtile tileid="459" wangid="0,8,0,8,0,8,0,1"/>
   <wangtile tileid="460" wangid="0,1,0,1,0,1,0,8"/>
   <wangtile tileid="461" wangid="0,1,0,1,0,8,0,8"/>
   <wangtile tileid="462" wangid="0,1,0,8,0,1,0,8"/>
   <wangtile tileid="463" wangid="0,1,0,8,0,8,0,8"/>
   <wangtile tileid="464" wangid="0,8,0,1,0,1,0,8"/>
   <wangtile tileid="465" wangid="0,8,0,1,0,8,0,8"/>
   <wangtile tileid="466" wangid="0,8,0,8,0,1,0,8"/>
  </wangset>
 </wangsets>
</tileset>
